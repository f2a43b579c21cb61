package org.tongban.engine.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message as members see it. {@code readCount} is how many other members have read it (the sender sees who in
 * {@link ReadReceipts}).
 */
public record MessageView(long id, long conversationId, String sender, String senderName, String text,
                          List<String> mentions, AttachmentView attachment, boolean urgent, Instant sentAt,
                          int readCount, String clientKey) {

    public MessageView {
        mentions = List.copyOf(mentions);
    }
}
