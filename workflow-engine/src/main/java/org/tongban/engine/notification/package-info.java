/**
 * 通知: system notices for people — a task assigned or offered to their department, urged, copied to them, nearly
 * due, overdue, a document distributed to their agency, supervision feedback due, an @mention. Any feature calls
 * {@link org.tongban.engine.notification.NotificationService#notify}; notices are stored (the notification centre,
 * with unread counts) and announced by {@link org.tongban.engine.notification.NotificationsCreated} after commit,
 * which office-web pushes at once to people who are online; the others get them at their next connection.
 */
package org.tongban.engine.notification;
