package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_case_rating} row. */
public record RatingRow(long caseId, int score, String comment, String tracedActivityId, String tracedActivityName,
                        String tracedDepartment, String tracedReason, Long rectificationItemId, Instant ratedAt) {
}
