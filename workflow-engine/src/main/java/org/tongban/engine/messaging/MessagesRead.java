package org.tongban.engine.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A member read a conversation up to {@code upToMessageId}; {@code recipients} are the senders of the messages that
 * became read, and the reader (their other sessions). Published in the transaction (push after commit).
 */
public record MessagesRead(long conversationId, String reader, String readerName, long upToMessageId, Instant readAt,
                           List<String> recipients) {

    public MessagesRead {
        recipients = List.copyOf(recipients);
    }
}
