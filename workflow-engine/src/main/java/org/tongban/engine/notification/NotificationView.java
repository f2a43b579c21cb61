package org.tongban.engine.notification;

import java.time.Instant;

/** A notice in the recipient's notification centre. {@code link} is an application path, e.g. {@code /tasks/42}. */
public record NotificationView(long id, NotificationType type, String title, String link, Instant createdAt,
                               Instant readAt) {
}
