package org.tongban.integration.datasharing;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.tongban.engine.outbox.OutboundChannel;
import org.tongban.engine.outbox.OutboundMessage;
import org.tongban.integration.channels.ChannelHttp;

/**
 * Outbox channel {@code data-sharing}: {@code POST {url}/cases/{caseNumber}/status-changes} with the JSON the
 * engine wrote (case number, status, outcome, matters, applicant, times), a bearer key, the platform's
 * 办件来源 code ({@code X-Source-System}) and the message key as {@code Idempotency-Key}, so a repeat after a crash
 * is dropped by the platform. 408/429/5xx and timeouts are retried by the outbox; other 4xx are refused for good.
 */
@Component
@ConditionalOnProperty(name = "tongban.data-sharing.url")
class ProvincialExchangeChannel implements OutboundChannel {

    private final RestClient http;
    private final String url;
    private final String apiKey;
    private final String sourceSystem;

    ProvincialExchangeChannel(@Value("${tongban.data-sharing.url}") String url,
                              @Value("${tongban.data-sharing.api-key:}") String apiKey,
                              @Value("${tongban.data-sharing.source-system:TONGBAN}") String sourceSystem) {
        this.http = ChannelHttp.client("", Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
        this.sourceSystem = sourceSystem;
    }

    @Override
    public String name() {
        return "data-sharing";
    }

    @Override
    public void send(OutboundMessage message) {
        ResponseEntity<String> answer = http.post().uri(url + "/cases/{caseNumber}/status-changes", message.recipient())
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + apiKey)
                .header("X-Source-System", sourceSystem).header(ChannelHttp.IDEMPOTENCY_KEY, message.key())
                .body(message.body()).retrieve().toEntity(String.class);
        ChannelHttp.check(name(), answer.getStatusCode(), answer.getBody());
    }
}
