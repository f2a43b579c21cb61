package org.tongban.engine.messaging.persistence;

/** A {@code tb_message_mention} row. */
public record MentionRow(long messageId, String username) {
}
