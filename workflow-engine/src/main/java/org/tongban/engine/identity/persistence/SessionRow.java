package org.tongban.engine.identity.persistence;

import java.time.Instant;

/** A {@code tb_session} row. */
public record SessionRow(String id, String username, String clientAddress, Instant createdAt, Instant lastSeenAt,
                         Instant endedAt) {
}
