package org.tongban.engine.supervision.persistence;

import java.time.Instant;

/** A {@code tb_supervision_feedback} row: one report of a unit and the supervisor's review of it. */
public record FeedbackRow(Long id, long subItemId, String taskId, String reportKind, String content, String reportedBy,
                          String reportedByName, Instant reportedAt, String reviewDecision, String reviewOpinion,
                          String reviewedBy, Instant reviewedAt) {
}
