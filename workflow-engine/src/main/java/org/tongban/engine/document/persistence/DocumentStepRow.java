package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document_step} row: one timeline entry; {@code taskId} is null for system events. */
public record DocumentStepRow(long documentId, String taskId, String activityId, String activityName,
                              String departmentCode, String actor, String actorName, String decision, String opinion,
                              Instant occurredAt) {
}
