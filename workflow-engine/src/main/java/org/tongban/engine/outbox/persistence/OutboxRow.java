package org.tongban.engine.outbox.persistence;

import java.time.Instant;
import org.tongban.engine.outbox.OutboxStatus;

/** A {@code tb_outbox} row. */
public record OutboxRow(Long id, String messageKey, String channel, String recipient, String subject, String body,
                        OutboxStatus status, int attempts, Instant nextAttemptAt, Instant lockedUntil, String lastError,
                        Instant createdAt, Instant sentAt) {
}
