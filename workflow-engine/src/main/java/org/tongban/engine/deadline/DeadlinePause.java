package org.tongban.engine.deadline;

import java.time.Instant;

/** A span in which a clock stood still (补正); {@code resumedAt} is null while it still stands. */
public record DeadlinePause(Instant pausedAt, Instant resumedAt, int remainingDays, String reason) {
}
