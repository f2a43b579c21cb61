package org.tongban.engine.notification.persistence;

import java.time.Instant;
import org.tongban.engine.notification.NotificationType;

/**
 * A {@code tb_notification} row: one notice for one person ({@code recipientUser}); {@code recipientGroup} is the
 * group it was addressed to, if any. {@code id} is filled in by the insert.
 */
public class NotificationRow {
    public Long id;
    public String recipientUser;
    public String recipientGroup;
    public NotificationType kind;
    public String title;
    public String body;
    public String link;
    public String subjectType;
    public Long subjectId;
    public Instant createdAt;
    public Instant deliveredAt;
    public Instant readAt;
}
