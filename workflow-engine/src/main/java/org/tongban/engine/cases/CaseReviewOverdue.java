package org.tongban.engine.cases;

import java.time.Instant;

/**
 * 逾期: a department's review of a case passed its deadline (the red timer fired). Published inside the timer's
 * transaction; supervision opens a supervision item for it in the same transaction.
 */
public record CaseReviewOverdue(long caseId, String caseNumber, String title, String departmentCode,
                                String agencyCode, Instant dueAt) {
}
