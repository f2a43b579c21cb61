package org.tongban.office.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Many STOMP clients in one JVM, each its own WebSocket connection and session as one person, sharing one
 * {@link WebSocketStompClient} (one JDK/Tomcat WebSocket container, one small connect executor). Every frame on
 * {@code /user/queue/notifications} is stamped with the wall-clock time it arrived, before it is parsed, and
 * counted by its {@code type}.
 */
final class StompCrowd implements AutoCloseable {

    /** Connections being opened at once: the server's accept queue and the machine stay unhurried. */
    private static final int CONNECTING_AT_ONCE = 32;

    private final ObjectMapper json = new ObjectMapper();
    private final ThreadPoolTaskExecutor connector = new ThreadPoolTaskExecutor();
    private final WebSocketStompClient client;
    private final List<StompSession> sessions = new ArrayList<>();
    /** Per person: what arrived, in order. */
    private final Map<String, ConcurrentLinkedQueue<Arrival>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> countsByType = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    /** The type given to {@code /user/queue/conversations} frames ({conversationId}). */
    static final String JOINED = "JOINED";

    /** A frame as it arrived: the receive time and the payload. */
    record Arrival(Instant receivedAt, String type, Instant createdAt, JsonNode payload) {
    }

    StompCrowd() {
        connector.setCorePoolSize(CONNECTING_AT_ONCE);
        connector.setThreadNamePrefix("bench-connect-");
        connector.initialize();
        client = stompClient(8 * 1024); // the container's default
    }

    private WebSocketStompClient stompClient(int textBuffer) {
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(textBuffer);
        StandardWebSocketClient webSocket = new StandardWebSocketClient(container);
        webSocket.setTaskExecutor(connector);
        WebSocketStompClient stomp = new WebSocketStompClient(webSocket);
        stomp.setDefaultHeartbeat(new long[] {0, 0}); // no heart-beats: 2,000 of them would be noise, not load
        stomp.setInboundMessageSizeLimit(Math.max(textBuffer, 64 * 1024));
        return stomp;
    }

    /** Connects one session per token (user → bearer token), subscribes and waits until each subscription is live. */
    void connect(int port, Map<String, String> tokens) throws Exception {
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (Map.Entry<String, String> person : tokens.entrySet()) {
            slots.acquire();
            ConcurrentLinkedQueue<Arrival> inbox = new ConcurrentLinkedQueue<>();
            arrivals.put(person.getKey(), inbox);
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + person.getValue());
            CompletableFuture<Void> done = client.connectAsync("ws://127.0.0.1:" + port + "/ws",
                            new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
                                @Override
                                public Type getPayloadType(StompHeaders headers) {
                                    return byte[].class;
                                }

                                @Override
                                public void handleFrame(StompHeaders headers, Object payload) {
                                    errors.incrementAndGet(); // an ERROR frame
                                }

                                @Override
                                public void handleTransportError(StompSession session, Throwable exception) {
                                    errors.incrementAndGet();
                                }
                            })
                    .thenCompose(session -> {
                        synchronized (sessions) {
                            sessions.add(session);
                        }
                        // what the office's live.js subscribes to: notices, and the case groups one joins
                        session.subscribe("/user/queue/notifications", inbox(inbox));
                        session.subscribe("/user/queue/conversations", inbox(inbox));
                        // frames of a session are handled in order: the reply to this means the subscription is live
                        CompletableFuture<Void> synced = new CompletableFuture<>();
                        session.subscribe("/app/notifications/unread-count", reply(synced));
                        return synced;
                    })
                    .whenComplete((ok, failure) -> slots.release());
            ready.add(done);
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    }

    private StompFrameHandler inbox(ConcurrentLinkedQueue<Arrival> inbox) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                Instant receivedAt = Instant.now(); // first, before any parsing
                try {
                    JsonNode node = json.readTree((byte[]) payload);
                    String type = node.has("conversationId") ? JOINED : node.path("type").asText();
                    inbox.add(new Arrival(receivedAt, type, instant(node.path("createdAt")), node));
                    countsByType.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }
        };
    }

    private static StompFrameHandler reply(CompletableFuture<Void> synced) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                synced.complete(null);
            }
        };
    }

    /** An Instant as Jackson writes it: an ISO-8601 string, or seconds as a decimal number. */
    static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        if (node.isTextual()) {
            String text = node.asText();
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        }
        return null;
    }

    /** Frames of this type that arrived so far, over all clients. */
    int count(String type) {
        AtomicInteger count = countsByType.get(type);
        return count == null ? 0 : count.get();
    }

    /** Waits until {@code expected} frames of {@code type} have arrived in all, or the timeout passed. */
    boolean await(String type, int expected, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (count(type) < expected && System.currentTimeMillis() < end) {
            Thread.sleep(2);
        }
        return count(type) >= expected;
    }

    /** Everything that arrived for each person. */
    Map<String, ConcurrentLinkedQueue<Arrival>> arrivals() {
        return arrivals;
    }

    /** Counts by type of everything that arrived. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        countsByType.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    int connected() {
        synchronized (sessions) {
            return (int) sessions.stream().filter(StompSession::isConnected).count();
        }
    }

    int errors() {
        return errors.get();
    }

    @Override
    public void close() {
        synchronized (sessions) {
            for (StompSession session : sessions) {
                try {
                    if (session.isConnected()) {
                        session.disconnect();
                    }
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            }
        }
        client.stop();
        connector.shutdown();
    }
}
