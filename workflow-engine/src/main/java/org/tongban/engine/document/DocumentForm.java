package org.tongban.engine.document;

import java.util.List;

/**
 * A draft's content: 文种, title, rich-text body (sanitised on save), 密级, 紧急程度, 主送 and 抄送 agencies (codes),
 * the departments asked to countersign (会签), and the drafting department (when the drafter works in several).
 * On update, {@code baseVersion} is the version the editor started from: a save over a newer version is refused.
 */
public record DocumentForm(DocumentKind kind, String title, String body, Classification classification,
                           Urgency urgency, List<String> mainRecipients, List<String> copyRecipients,
                           List<String> countersignDepartments, String draftingDepartment, Integer baseVersion) {

    public DocumentForm {
        mainRecipients = mainRecipients == null ? List.of() : List.copyOf(mainRecipients);
        copyRecipients = copyRecipients == null ? List.of() : List.copyOf(copyRecipients);
        countersignDepartments = countersignDepartments == null ? List.of() : List.copyOf(countersignDepartments);
    }
}
