package org.tongban.engine.messaging;

import java.time.Instant;
import java.util.List;

/**
 * 已读/未读 of one message, for its sender: who has read it (and when they last read the conversation), who has
 * not, and for a must-reach message the escalations to outside channels so far.
 */
public record ReadReceipts(long messageId, List<Reader> read, List<Member> unread, List<Escalation> escalations) {

    public ReadReceipts {
        read = List.copyOf(read);
        unread = List.copyOf(unread);
        escalations = List.copyOf(escalations);
    }

    /** A member who has read the message. */
    public record Reader(String username, String displayName, Instant readAt) {
    }

    /** One escalation of a must-reach message to an outside channel. */
    public record Escalation(String username, String channel, String outcome, Instant escalatedAt) {
    }
}
