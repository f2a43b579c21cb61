/**
 * 通知: system notices for people — a task assigned or offered to their department, urged, copied to them, nearly
 * due, overdue, escalated, a supervision sub-item assigned or its feedback missed, a document distributed to their
 * agency, an @mention, a must-reach message. Any feature calls
 * {@link org.tongban.engine.notification.NotificationService#notify} (or its shorthands {@code toUser} and
 * {@code toGroup}); notices are stored in {@code tb_notification}, one row per person (the notification centre, with
 * unread counts), and announced by {@link org.tongban.engine.notification.NotificationsCreated} after commit, which
 * office-web pushes at once over STOMP to people who are online; the others get them at their next connection.
 * The same event is the port for outside channels (DingTalk, WeCom, SMS).
 */
package org.tongban.engine.notification;
