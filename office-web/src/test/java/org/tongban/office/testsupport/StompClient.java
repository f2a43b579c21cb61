package org.tongban.office.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP-over-WebSocket client of the running application (Spring's {@link WebSocketStompClient} on the JDK's
 * WebSocket client): connects with a bearer token in the CONNECT frame, subscribes, sends JSON, and records ERROR
 * frames. Payloads arrive as JSON trees.
 */
public class StompClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final WebSocketStompClient client;
    private final StompSession session;
    private final List<StompHeaders> errors;

    private StompClient(WebSocketStompClient client, StompSession session, List<StompHeaders> errors) {
        this.client = client;
        this.session = session;
        this.errors = errors;
    }

    /** Connects to {@code ws://127.0.0.1:port/ws} with {@code Authorization: Bearer token} (none when null). */
    public static StompClient connect(int port, String token) {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        MappingJackson2MessageConverter converter = new MappingJackson2MessageConverter();
        converter.setObjectMapper(new ObjectMapper().findAndRegisterModules());
        client.setMessageConverter(converter);
        List<StompHeaders> errors = new CopyOnWriteArrayList<>();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        try {
            StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(),
                    connect, new StompSessionHandlerAdapter() {
                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return byte[].class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            errors.add(headers); // ERROR frames reach the session handler
                        }
                    }).get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new StompClient(client, session, errors);
        } catch (ExecutionException e) {
            client.stop();
            throw new ConnectionRefused(errors, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            client.stop();
            throw new IllegalStateException("STOMP connect did not finish", e);
        }
    }

    /** Subscribes; what arrives is queued in the returned inbox. */
    public Inbox subscribe(String destination) {
        Inbox inbox = new Inbox(destination);
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                inbox.queue.add((JsonNode) payload);
            }
        });
        return inbox;
    }

    /**
     * A round trip through the server: when it returns, every frame this client sent before (subscriptions
     * included) has been handled, because the server handles one session's frames in order.
     */
    public void sync() throws InterruptedException {
        subscribe("/app/notifications/unread-count").next();
    }

    /** Sends a JSON payload. */
    public void send(String destination, Object payload) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, payload);
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** The ERROR frames received so far. */
    public List<StompHeaders> errors() {
        return new ArrayList<>(errors);
    }

    /** Waits until the server has closed the connection. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (session.isConnected() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return !session.isConnected();
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } finally {
            client.stop();
        }
    }

    /** What arrived on one subscription. */
    public static class Inbox {
        private final String destination;
        final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();

        Inbox(String destination) {
            this.destination = destination;
        }

        /** The next payload, waiting up to 10 s; fails when none comes. */
        public JsonNode next() throws InterruptedException {
            JsonNode node = queue.poll(10, TimeUnit.SECONDS);
            if (node == null) {
                throw new AssertionError("nothing arrived on " + destination + " within 10 s");
            }
            return node;
        }

        /** The next payload that matches, skipping others, waiting up to 10 s in all. */
        public JsonNode next(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                JsonNode node = queue.poll(left, TimeUnit.NANOSECONDS);
                if (node != null && wanted.test(node)) {
                    return node;
                }
            }
            throw new AssertionError("no matching payload arrived on " + destination + " within 10 s");
        }

        /** The next payload within {@code timeout}, or null. */
        public JsonNode poll(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Everything that arrives within {@code window}. */
        public List<JsonNode> drain(Duration window) throws InterruptedException {
            Thread.sleep(window.toMillis());
            List<JsonNode> all = new ArrayList<>();
            queue.drainTo(all);
            return all;
        }
    }

    /** The server refused the connection; {@link #errors()} are the ERROR frames it sent. */
    public static class ConnectionRefused extends RuntimeException {
        private final List<StompHeaders> errors;

        ConnectionRefused(List<StompHeaders> errors, Throwable cause) {
            super("STOMP connection refused: " + errors, cause);
            this.errors = errors;
        }

        public List<StompHeaders> errors() {
            return errors;
        }
    }
}
