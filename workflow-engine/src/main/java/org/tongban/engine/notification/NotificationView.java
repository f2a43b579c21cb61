package org.tongban.engine.notification;

import java.time.Instant;

/**
 * A notice in the recipient's notification centre. {@code body} is optional detail (e.g. the text of a 催办);
 * {@code link} is an application path, e.g. {@code /tasks/42}; {@code subjectType} and {@code subjectId} say what it
 * is about (CASE, SUPERVISION_ITEM …), both null for notices not about a stored object.
 */
public record NotificationView(long id, NotificationType type, String title, String body, String link,
                               String subjectType, Long subjectId, Instant createdAt, Instant readAt) {
}
