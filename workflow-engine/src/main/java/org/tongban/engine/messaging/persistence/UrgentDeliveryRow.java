package org.tongban.engine.messaging.persistence;

import java.time.Instant;

/** A {@code tb_urgent_delivery} row: one recipient of a must-reach message. */
public record UrgentDeliveryRow(long messageId, String username, String status, int escalations, Instant nextCheckAt,
                                Instant readAt) {
}
