package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_case_step} row: one timeline entry. {@code taskId} is null for system events. */
public record StepRow(long caseId, String taskId, String activityId, String activityName, String departmentCode,
                      String actor, String actorName, String decision, String opinion, Instant occurredAt) {
}
