package org.tongban.engine.messaging.persistence;

import java.time.Instant;

/** A {@code tb_conversation_member} row. */
public record MemberRow(long conversationId, String username, Instant joinedAt, long lastReadId, Instant lastReadAt) {
}
