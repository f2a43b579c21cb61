package org.tongban.office.messaging.web;

import java.time.Instant;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;
import org.tongban.engine.messaging.MembersJoined;
import org.tongban.engine.messaging.MessagePosted;
import org.tongban.engine.messaging.MessagesRead;

/**
 * Pushes messaging events to the members' queues once their transaction has committed: new messages
 * ({@code /user/queue/messages}), read receipts for the senders ({@code /user/queue/receipts}) and joined
 * conversations ({@code /user/queue/conversations}). A person with several sessions gets them on each.
 */
@Component
class MessagingPush {

    private final SimpMessagingTemplate stomp;

    MessagingPush(SimpMessagingTemplate stomp) {
        this.stomp = stomp;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void posted(MessagePosted event) {
        event.members().forEach(u -> stomp.convertAndSendToUser(u, "/queue/messages", event.message()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void read(MessagesRead event) {
        Receipt receipt = new Receipt(event.conversationId(), event.reader(), event.readerName(), event.upToMessageId(),
                event.readAt());
        event.recipients().forEach(u -> stomp.convertAndSendToUser(u, "/queue/receipts", receipt));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void joined(MembersJoined event) {
        // only the conversation: a client reloads its list on it, and naming everyone who joined would send each of
        // N joiners N names — N² bytes when a case reaches a department of thousands, ahead of the task's notices
        Message<?> joined = stomp.getMessageConverter().toMessage(new Joined(event.conversationId()),
                new MessageHeaders(Map.of()));
        event.usernames().forEach(u -> stomp.send(
                stomp.getUserDestinationPrefix() + StringUtils.replace(u, "/", "%2F") + "/queue/conversations", joined));
    }

    /** {@code reader} has read conversation {@code conversationId} up to message {@code upToMessageId}. */
    record Receipt(long conversationId, String reader, String readerName, long upToMessageId, Instant readAt) {
    }

    /** The recipient joined conversation {@code conversationId}. */
    record Joined(long conversationId) {
    }
}
