package org.tongban.engine.messaging.persistence;

import java.time.Instant;
import org.tongban.engine.messaging.ConversationKind;

/** A {@code tb_conversation} row; {@code lastReadId} and {@code unreadCount} are the reading member's, when listed. */
public class ConversationRow {
    public Long id;
    public ConversationKind kind;
    public String title;
    public String directKey;
    public String subjectType;
    public String subjectKey;
    public String createdBy;
    public Instant createdAt;
    public Long lastMessageId;
    public Instant lastMessageAt;
    public long lastReadId;
    public long unreadCount;
}
