package org.tongban.engine.cases;

import java.time.Instant;
import java.util.List;

/** 容缺台账: a case accepted with materials missing, what is missing, by when, and whether it was escalated. */
public record PendingMaterialsEntry(long caseId, String caseNumber, String title, String windowDepartment,
                                    CaseStatus status, List<String> missing, Instant dueAt, boolean overdue,
                                    Instant escalatedAt) {
}
