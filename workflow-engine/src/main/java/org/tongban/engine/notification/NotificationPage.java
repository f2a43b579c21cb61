package org.tongban.engine.notification;

import java.util.List;

/** One page of a person's notices, newest first, with the total and the unread count. */
public record NotificationPage(List<NotificationView> items, long total, long unread, int page, int size) {
}
