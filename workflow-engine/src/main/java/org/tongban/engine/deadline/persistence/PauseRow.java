package org.tongban.engine.deadline.persistence;

import java.time.Instant;

/** A {@code tb_deadline_pause} row. */
public record PauseRow(long deadlineId, Instant pausedAt, Instant resumedAt, int remainingDays, String reason) {
}
