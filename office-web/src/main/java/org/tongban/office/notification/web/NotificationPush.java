package org.tongban.office.notification.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.notification.NotificationsCreated;
import org.tongban.office.security.StompAuthentication;

/**
 * Live notices. Once the notices' transaction has committed, each goes to its recipient's
 * {@code /user/queue/notifications}; those whose recipient has an open session known to this node (in a cluster the
 * user registry is shared, with a lag of seconds) are marked delivered. The rest wait in the notification centre and
 * are handed over when the person next connects and subscribes to {@code /app/notifications/pending}, oldest first
 * — at least once: clients drop a notice whose id they already have.
 */
@Controller
class NotificationPush {

    private final SimpMessagingTemplate stomp;
    private final SimpUserRegistry users;
    private final NotificationService notifications;

    NotificationPush(SimpMessagingTemplate stomp, SimpUserRegistry users, NotificationService notifications) {
        this.stomp = stomp;
        this.users = users;
        this.notifications = notifications;
    }

    /**
     * First among the pushes after a commit: a new task's notices go out before the case group's "joined" notices
     * and anything else the same transaction announced (after-commit listeners run in this order, then in the order
     * their events were published — and the case group is joined before the notices are written).
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void created(NotificationsCreated event) {
        List<Long> delivered = new ArrayList<>();
        for (NotificationsCreated.Delivery delivery : event.deliveries()) {
            // sent in any case: a node that does not know the person yet hands it to the others (cluster)
            stomp.convertAndSendToUser(delivery.username(), "/queue/notifications", delivery.notification());
            if (users.getUser(delivery.username()) != null) {
                delivered.add(delivery.notification().id());
            }
        }
        notifications.markDelivered(delivered);
    }

    /** The unread count when a client connects (its badge); a reply to the subscription, nothing is changed. */
    @SubscribeMapping("/notifications/unread-count")
    NotificationController.Count unreadCount(Principal principal) {
        return new NotificationController.Count(notifications.unreadCount(StompAuthentication.actor(principal)));
    }

    @SubscribeMapping("/notifications/pending")
    List<NotificationView> pending(Principal principal) {
        return notifications.takeUndelivered(StompAuthentication.actor(principal));
    }
}
