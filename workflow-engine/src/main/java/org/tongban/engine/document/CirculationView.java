package org.tongban.engine.document;

import java.time.Instant;
import java.util.List;

/** A circulation with its read receipts: who has read it (when, with what remark) and who has not yet. */
public record CirculationView(long id, long documentId, String sender, String senderName, String note,
                              Instant startedAt, List<Receipt> receipts, int readCount, int unreadCount) {

    /** One reader's receipt; {@code readAt} is null while unread. */
    public record Receipt(String username, String name, boolean read, Instant readAt, String opinion) {
    }
}
