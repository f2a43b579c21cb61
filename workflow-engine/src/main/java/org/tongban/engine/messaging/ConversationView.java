package org.tongban.engine.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as one member sees it: with their unread count and the last message. For a CASE conversation,
 * {@code subjectType} is the process key and {@code subjectKey} the case's id.
 */
public record ConversationView(long id, ConversationKind kind, String title, String subjectType, String subjectKey,
                               List<Member> members, long unreadCount, MessageView lastMessage, Instant createdAt) {

    public ConversationView {
        members = List.copyOf(members);
    }
}
