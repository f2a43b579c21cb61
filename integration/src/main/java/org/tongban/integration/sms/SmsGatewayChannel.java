package org.tongban.integration.sms;

import java.time.Duration;
import java.util.Map;
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
 * Sends outbox messages as SMS through an HTTP gateway: {@code POST {url}} with a JSON body
 * {@code {phone, content, requestId}}, a bearer API key and the message key as {@code Idempotency-Key}.
 */
@Component
@ConditionalOnProperty(name = "tongban.channels.sms.url")
class SmsGatewayChannel implements OutboundChannel {

    private final RestClient http;
    private final String url;
    private final String apiKey;
    private final String signature;

    SmsGatewayChannel(@Value("${tongban.channels.sms.url}") String url,
                      @Value("${tongban.channels.sms.api-key:}") String apiKey,
                      @Value("${tongban.channels.sms.signature:【通办】}") String signature) {
        this.http = ChannelHttp.client("", Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.url = url;
        this.apiKey = apiKey;
        this.signature = signature;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public void send(OutboundMessage message) {
        String content = signature + (message.subject() == null ? "" : message.subject() + "：") + message.body();
        ResponseEntity<String> answer = http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + apiKey).header(ChannelHttp.IDEMPOTENCY_KEY, message.key())
                .body(Map.of("phone", message.recipient(), "content", content, "requestId", message.key()))
                .retrieve().toEntity(String.class);
        ChannelHttp.check(name(), answer.getStatusCode(), answer.getBody());
    }
}
