package org.tongban.engine.messaging.persistence;

import java.time.Instant;

/** A {@code tb_urgent_escalation} row. */
public record EscalationRow(Long id, long messageId, String username, String channel, String outboxKey, String outcome,
                            Instant escalatedAt) {
}
