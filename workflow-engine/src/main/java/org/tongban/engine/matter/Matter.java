package org.tongban.engine.matter;

import java.util.List;

/**
 * 事项: a catalogued service. {@code promisedDays} (承诺时限) and {@code statutoryDays} (法定时限) are working
 * days; {@code departments} are those that may take part (the dispatch table picks among them).
 * {@code pendingMaterialsExpiry} says what happens when 容缺 materials are still missing at their deadline, which
 * falls {@code pendingMaterialsDays} working days after acceptance ({@code null}: the platform's default,
 * {@code tongban.applicant.pending-materials-days}).
 */
public record Matter(String code, String name, int promisedDays, int statutoryDays, boolean leaderRequired,
                     String description, List<Material> materials, List<String> departments,
                     PendingMaterialsExpiry pendingMaterialsExpiry, Integer pendingMaterialsDays) {

    public Matter {
        materials = List.copyOf(materials);
        departments = List.copyOf(departments);
        if (pendingMaterialsExpiry == null) {
            pendingMaterialsExpiry = PendingMaterialsExpiry.ESCALATE;
        }
    }
}
