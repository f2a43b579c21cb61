package org.tongban.engine.notification;

import java.time.Instant;

/**
 * A system notice. Exactly one of {@code recipientUser} and {@code recipientGroup} (a {@code department:role}
 * group such as {@code SJ_FOOD:leader}) is set. {@code subjectType} and {@code subjectId} say what it is about
 * (CASE, SUPERVISION_ITEM …).
 */
public record Notification(long id, String recipientUser, String recipientGroup, NotificationKind kind, String title,
                           String body, String subjectType, Long subjectId, Instant createdAt) {
}
