package org.tongban.engine.messaging;

import java.util.List;

/**
 * A message to post: text and/or an uploaded attachment, @mentions (usernames of members), {@code urgent} for a
 * must-reach (DING) message — to the mentioned people, or to every other member when nobody is mentioned.
 * {@code clientKey} is the sender's own id for the message: posting the same key again returns the stored message.
 */
public record MessageForm(String text, List<String> mentions, Long attachmentId, boolean urgent, String clientKey) {

    public MessageForm {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        text = text == null ? null : text.strip();
    }

    public static MessageForm text(String text) {
        return new MessageForm(text, List.of(), null, false, null);
    }
}
