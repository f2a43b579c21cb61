package org.tongban.engine.cases;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.matter.PendingMaterialsExpiry;

/**
 * 容缺台账: a case accepted with materials missing, what is missing, by when, what happens at the deadline
 * ({@code onExpiry}, as the matters of the missing materials say) and when that was done ({@code escalatedAt}:
 * escalated, or refused when {@code status} is REFUSED).
 */
public record PendingMaterialsEntry(long caseId, String caseNumber, String title, String windowDepartment,
                                    String applicantName, List<String> matterNames, CaseStatus status, List<String> missing, Instant dueAt, boolean overdue,
                                    Instant escalatedAt, PendingMaterialsExpiry onExpiry) {
}
