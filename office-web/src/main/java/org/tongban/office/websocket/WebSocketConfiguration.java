package org.tongban.office.websocket;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.tongban.office.security.StompAuthentication;

/**
 * The STOMP endpoint and broker. Clients connect to {@code /ws} (authenticated by the CONNECT frame, see
 * {@link StompAuthentication}), subscribe to {@code /user/queue/messages}, {@code /user/queue/receipts},
 * {@code /user/queue/conversations}, {@code /user/queue/notifications} and {@code /user/queue/errors}, and send to
 * {@code /app/…}. Frames from one client are handled in the order they came, and messages to one client keep the
 * order they were published in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(BrokerRelaySettings.class)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    /** Where the other nodes learn of this node's sessions, and get messages for people it does not know. */
    static final String USER_REGISTRY_BROADCAST = "/topic/tongban.user-registry";
    static final String UNRESOLVED_USER_BROADCAST = "/topic/tongban.unresolved-user";

    private final StompAuthentication authentication;
    private final BrokerRelaySettings relay;
    private final List<String> allowedOrigins;
    private final int destinationCacheLimit;

    WebSocketConfiguration(StompAuthentication authentication, BrokerRelaySettings relay,
                           @Value("${tongban.websocket.allowed-origins:}") List<String> allowedOrigins,
                           @Value("${tongban.websocket.destination-cache-limit:65536}") int destinationCacheLimit) {
        this.authentication = authentication;
        this.relay = relay;
        this.allowedOrigins = allowedOrigins;
        this.destinationCacheLimit = destinationCacheLimit;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // one session's frames are handled in the order they came (a SUBSCRIBE before the SEND that follows it)
        registry.setPreserveReceiveOrder(true);
        var endpoint = registry.addEndpoint("/ws"); // same origin only, unless origins are configured
        if (!allowedOrigins.isEmpty()) {
            endpoint.setAllowedOriginPatterns(allowedOrigins.toArray(String[]::new));
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(64 * 1024).setSendBufferSizeLimit(512 * 1024).setSendTimeLimit(15_000);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost())
                    .setUserDestinationBroadcast(UNRESOLVED_USER_BROADCAST)
                    .setUserRegistryBroadcast(USER_REGISTRY_BROADCAST);
            // RabbitMQ makes a durable shared queue of every /queue/… destination; per-session destinations
            // become /topic/… ones there (an exclusive auto-delete queue per subscription, gone with the session)
            registry.configureBrokerChannel().interceptors(new QueueAsTopicInterceptor());
        } else {
            registry.enableSimpleBroker("/topic", "/queue");
            // Every session's queues are destinations of their own (/queue/notifications-user{session}), and the
            // in-memory broker finds a destination's subscribers through an LRU cache, 1,024 by default; past
            // that, each message scans every subscription of every session. The push benchmark showed it: with
            // 2,000 people online, a notice to each became 2,000 scans of all subscriptions.
            registry.setCacheLimit(destinationCacheLimit);
        }
    }
}
