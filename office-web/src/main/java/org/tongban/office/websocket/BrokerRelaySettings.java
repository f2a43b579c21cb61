package org.tongban.office.websocket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tongban.websocket.relay.*}: the external STOMP broker (RabbitMQ with its STOMP plugin) that several nodes
 * share. Off by default (one node, in-memory broker); the {@code cluster} profile turns it on.
 */
@ConfigurationProperties("tongban.websocket.relay")
record BrokerRelaySettings(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
                           @DefaultValue("61613") int port, @DefaultValue("guest") String login,
                           @DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost) {
}
