/**
 * 通知: system notices for a person or a department's role (deadline warnings, overdue, escalation, 催办). Stored
 * in {@code tb_notification} and announced as a {@link org.tongban.engine.notification.NotificationCreated} event,
 * the port through which the collaboration layer and the outside channels (DingTalk, WeCom, SMS) will deliver them.
 */
package org.tongban.engine.notification;
