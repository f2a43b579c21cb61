package org.tongban.office.websocket;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * On the way to RabbitMQ, turns {@code /queue/x-user…} destinations into {@code /topic/x-user…}. RabbitMQ declares a
 * durable, shared queue for every {@code /queue/} destination (and on every SEND), which would pile up one queue per
 * closed session and clash with the subscriber's own declaration; a {@code /topic/} subscription gets an exclusive
 * auto-delete queue bound to {@code amq.topic}, and a message for a session that is gone is simply dropped — it is
 * stored in the database anyway. Clients still see {@code /user/queue/…}: the original destination travels in a
 * header that Spring restores before the frame reaches them.
 */
class QueueAsTopicInterceptor implements ChannelInterceptor {

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        if (destination == null || !destination.startsWith("/queue/")) {
            return message;
        }
        SimpMessageHeaderAccessor accessor = MessageHeaderAccessor.getMutableAccessor(message) instanceof
                SimpMessageHeaderAccessor simp ? simp : SimpMessageHeaderAccessor.wrap(message);
        String topic = "/topic/" + destination.substring("/queue/".length());
        accessor.setDestination(topic);
        if (accessor.getNativeHeader("destination") != null) {
            accessor.setNativeHeader("destination", topic);
        }
        return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
    }
}
