package org.tongban.integration.channels;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.tongban.engine.outbox.OutboundChannel;

/**
 * HTTP for outbound channels: short timeouts (a slow receiver must not hold the outbox worker), and one rule for
 * answers — 2xx delivered, 429 and 5xx retried by the outbox, other 4xx refused for good.
 */
public final class ChannelHttp {

    /** The header that carries the outbox message key to receivers that deduplicate. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ChannelHttp() {
    }

    public static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1: no h2c upgrade dance with servers that do not speak HTTP/2 in clear text
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** Throws for an answer that is not a success: permanently for a refusal, retryably otherwise. */
    public static void check(String channel, HttpStatusCode status, String body) {
        if (status.is2xxSuccessful()) {
            return;
        }
        String message = channel + " answered " + status.value() + ": " + abbreviate(body);
        if (status.is4xxClientError() && status.value() != 429 && status.value() != 408) {
            throw new OutboundChannel.PermanentFailure(message);
        }
        throw new IllegalStateException(message);
    }

    public static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
