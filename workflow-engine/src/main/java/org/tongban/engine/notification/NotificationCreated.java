package org.tongban.engine.notification;

/**
 * Published inside the transaction that stored the notice. The outside channels listen after commit
 * ({@code @TransactionalEventListener}); nothing listens yet.
 */
public record NotificationCreated(Notification notification) {
}
