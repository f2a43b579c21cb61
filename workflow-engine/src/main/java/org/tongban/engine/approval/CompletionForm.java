package org.tongban.engine.approval;

import java.util.List;

/**
 * A decision with its opinion (审批意见). {@code pendingMaterials} is used at a 容缺 intake only:
 * {@code MATTER_CODE/MATERIAL_CODE} of the non-key materials still missing.
 */
public record CompletionForm(String decision, String opinion, List<String> pendingMaterials) {

    public CompletionForm {
        pendingMaterials = pendingMaterials == null ? List.of() : List.copyOf(pendingMaterials);
        opinion = opinion == null ? null : opinion.strip();
    }

    public static CompletionForm of(String decision, String opinion) {
        return new CompletionForm(decision, opinion, List.of());
    }

    public boolean hasOpinion() {
        return opinion != null && !opinion.isEmpty();
    }
}
