package org.tongban.office.security;

import java.security.Principal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Actor;

/**
 * Authenticates STOMP over WebSocket with the API's own tokens: the CONNECT frame carries
 * {@code Authorization: Bearer …}, checked by the same {@link JwtDecoder} and {@link ActorTokenConverter} as every
 * REST request (signature, expiry, server-side session, directory). Every later SUBSCRIBE and SEND is checked
 * again, so a logout, an idle session or a changed position takes effect on an open connection too. Clients may
 * subscribe only to their own queues ({@code /user/queue/…}) and to application replies ({@code /app/…}), and
 * send only to {@code /app/…}. A refusal answers with a STOMP ERROR frame and the server closes the connection.
 */
@Component
public class StompAuthentication implements ChannelInterceptor {

    private final JwtDecoder decoder;
    private final ActorTokenConverter converter;
    private final MessageChannel clientOutbound;

    StompAuthentication(JwtDecoder decoder, ActorTokenConverter converter,
                        @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.decoder = decoder;
        this.converter = converter;
        this.clientOutbound = clientOutbound;
    }

    /** The actor of an authenticated STOMP message's principal. */
    public static Actor actor(Principal principal) {
        if (principal instanceof ActorAuthentication authentication) {
            return authentication.getPrincipal();
        }
        throw new MessageDeliveryException("未登录");
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message; // heart-beats
        }
        try {
            check(accessor);
            return message;
        } catch (MessageDeliveryException refused) {
            // the frames of a session are handled in order, and that path only logs an exception; so the refusal
            // is answered here: an ERROR frame, after which the server closes the connection
            StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
            error.setMessage(refused.getMessage());
            error.setSessionId(accessor.getSessionId());
            if (accessor.getReceipt() != null) {
                error.setReceiptId(accessor.getReceipt());
            }
            clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
            return null;
        }
    }

    private void check(StompHeaderAccessor accessor) {
        switch (accessor.getCommand()) {
            case CONNECT, STOMP -> {
                accessor.setUser(authenticate(accessor.getFirstNativeHeader("Authorization")));
                // the token goes no further (with the cluster profile, CONNECT frames are relayed to RabbitMQ)
                accessor.removeNativeHeader("Authorization");
            }
            case SUBSCRIBE -> {
                allow(accessor.getDestination(), "/user/queue/", "/app/");
                accessor.setUser(recheck(accessor.getUser()));
            }
            case SEND -> {
                allow(accessor.getDestination(), "/app/");
                accessor.setUser(recheck(accessor.getUser()));
            }
            default -> {
                // UNSUBSCRIBE, ACK, NACK, DISCONNECT: nothing to authorise
            }
        }
    }

    private ActorAuthentication authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("未登录：CONNECT 须带 Authorization: Bearer 令牌");
        }
        return verify(header.substring(7).strip());
    }

    /** Checks the connection's token again: still valid, session still open, person still enabled. */
    private ActorAuthentication recheck(Principal user) {
        if (!(user instanceof ActorAuthentication authentication)) {
            throw new MessageDeliveryException("未登录");
        }
        return verify(((Jwt) authentication.getCredentials()).getTokenValue());
    }

    private ActorAuthentication verify(String token) {
        try {
            return (ActorAuthentication) converter.convert(decoder.decode(token));
        } catch (JwtException | AuthenticationException e) {
            throw new MessageDeliveryException("未登录或登录已失效，请重新登录");
        }
    }

    private static void allow(String destination, String... prefixes) {
        if (destination != null && !destination.contains("..")) {
            for (String prefix : prefixes) {
                if (destination.startsWith(prefix)) {
                    return;
                }
            }
        }
        throw new MessageDeliveryException("不允许的目的地：" + destination);
    }
}
