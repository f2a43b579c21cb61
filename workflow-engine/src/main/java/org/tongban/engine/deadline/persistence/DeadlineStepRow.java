package org.tongban.engine.deadline.persistence;

import java.time.Instant;

/** A {@code tb_deadline_step} row: one user task worked under a clock. */
public record DeadlineStepRow(Long id, long deadlineId, String taskId, String activityId, String activityName,
                              String departmentCode, Instant enteredAt, Instant dueAt, Instant leftAt,
                              Boolean completed, Long stepMinutes, Long toCloseMinutes) {
}
