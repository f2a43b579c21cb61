package org.tongban.engine.notification;

import java.util.List;

/**
 * Notices were written; published in the writing transaction, so push adapters listen after commit
 * ({@code @TransactionalEventListener}) and nobody is told of a notice that was rolled back.
 */
public record NotificationsCreated(List<Delivery> deliveries) {

    public NotificationsCreated {
        deliveries = List.copyOf(deliveries);
    }

    /** One notice for one person. */
    public record Delivery(String username, NotificationView notification) {
    }
}
