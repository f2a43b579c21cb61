package org.tongban.engine.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.directory.AddressBook;
import org.tongban.engine.directory.Contact;
import org.tongban.engine.messaging.persistence.ConversationRow;
import org.tongban.engine.messaging.persistence.EscalationRow;
import org.tongban.engine.messaging.persistence.MemberRow;
import org.tongban.engine.messaging.persistence.MessageRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;
import org.tongban.engine.messaging.persistence.UrgentDeliveryRow;
import org.tongban.engine.messaging.persistence.UrgentMapper;
import org.tongban.engine.outbox.Outbox;

/**
 * 必达: escalates must-reach messages that are still unread when their check is due. A scheduled check (the
 * platform's scheduling, every {@code tongban.messaging.urgent.poll}), not a BPMN timer: a chat message is not a
 * process, and one indexed query finds what is due. Each delivery is claimed with a compare-and-set update, so on
 * several nodes exactly one sends; the outside message goes through the outbox in the same transaction as the
 * claim and its record. The text names the sender and the conversation but never the message itself: SMS and
 * other outside channels leave the government network.
 */
@Component
public class UrgentMessageEscalator {

    private static final Logger log = LoggerFactory.getLogger(UrgentMessageEscalator.class);
    private static final int BATCH = 100;

    private final UrgentMapper urgent;
    private final MessagingMapper messages;
    private final AddressBook addressBook;
    private final Outbox outbox;
    private final UrgentMessageSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    UrgentMessageEscalator(UrgentMapper urgent, MessagingMapper messages, AddressBook addressBook, Outbox outbox,
                           UrgentMessageSettings settings, TransactionTemplate tx, Clock clock) {
        this.urgent = urgent;
        this.messages = messages;
        this.addressBook = addressBook;
        this.outbox = outbox;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tongban.messaging.urgent.poll:30s}")
    void poll() {
        escalateDue();
    }

    /** Escalates every delivery due now; returns how many escalations this call made. */
    public int escalateDue() {
        int escalated = 0;
        for (UrgentDeliveryRow delivery : urgent.findDue(clock.instant(), BATCH)) {
            try {
                Boolean done = tx.execute(status -> escalate(delivery));
                escalated += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not escalate must-reach message {} to {}", delivery.messageId(), delivery.username(), e);
            }
        }
        return escalated;
    }

    private boolean escalate(UrgentDeliveryRow delivery) {
        Instant now = clock.instant();
        MessageRow message = messages.findMessage(delivery.messageId());
        MemberRow member = messages.findMember(message.conversationId, delivery.username());
        if (member == null || member.lastReadId() >= message.id) {
            // read (or left) without the delivery having been marked: stop here
            urgent.markRead(message.conversationId, delivery.username(), message.id, now);
            return false;
        }
        List<String> channels = settings.channels();
        int step = delivery.escalations();
        boolean last = step + 1 >= channels.size();
        if (urgent.escalate(delivery.messageId(), delivery.username(), step, last ? "ESCALATED" : "PENDING",
                last ? null : now.plus(settings.delay())) != 1) {
            return false; // another node took it, or it was read a moment ago
        }
        String channel = channels.get(Math.min(step, channels.size() - 1));
        String address = address(channel, delivery.username());
        String key = null;
        if (address != null) {
            key = outbox.enqueue(channel, address, "必达消息", text(message));
        }
        urgent.insertEscalation(new EscalationRow(null, message.id, delivery.username(), channel, key,
                address == null ? "NO_ADDRESS" : "QUEUED", now));
        return address != null;
    }

    /** The recipient's address in the channel's terms: a mobile number for sms and dingtalk, the user id for wecom. */
    private String address(String channel, String username) {
        if ("wecom".equals(channel)) {
            return username;
        }
        Contact contact = addressBook.contacts(List.of(username)).get(username);
        return contact == null || contact.phone() == null || contact.phone().isBlank() ? null : contact.phone();
    }

    private String text(MessageRow message) {
        ConversationRow conversation = messages.findConversation(message.conversationId);
        Map<String, Contact> sender = addressBook.contacts(List.of(message.sender));
        String who = sender.containsKey(message.sender) ? sender.get(message.sender).displayName() : message.sender;
        String where = conversation.title == null ? "" : "（" + conversation.title + "）";
        return who + "给您发来一条必达消息" + where + "，您尚未阅读，请尽快登录通办查看。";
    }
}
