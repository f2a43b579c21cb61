package org.tongban.engine.notification.persistence;

import java.time.Instant;
import org.tongban.engine.notification.NotificationType;

/** A {@code tb_notification} row. */
public class NotificationRow {
    public Long id;
    public String username;
    public NotificationType kind;
    public String title;
    public String link;
    public Instant createdAt;
    public Instant deliveredAt;
    public Instant readAt;
}
