package org.tongban.integration.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Sends outbox messages to a DingTalk-style group robot (浙政钉 uses the same robot protocol): a text message that
 * @-mentions the recipient's mobile number, signed with HMAC-SHA256 of {@code timestamp + "\n" + secret}.
 * The robot answers HTTP 200 with {@code errcode}: 0 is delivered, rate limits are retried, anything else refused.
 */
@Component
@ConditionalOnProperty(name = "tongban.channels.dingtalk.webhook-url")
class DingTalkRobotChannel implements OutboundChannel {

    /** errcodes worth another try: flow control / system busy. */
    private static final Set<Integer> RETRYABLE = Set.of(-1, 130101, 130102, 400013);

    private final RestClient http;
    private final String webhookUrl;
    private final String secret;
    private final Clock clock;

    DingTalkRobotChannel(@Value("${tongban.channels.dingtalk.webhook-url}") String webhookUrl,
                         @Value("${tongban.channels.dingtalk.secret:}") String secret, Clock clock) {
        this.http = ChannelHttp.client("", Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dingtalk";
    }

    @Override
    public void send(OutboundMessage message) {
        String content = message.subject() == null ? message.body() : "【" + message.subject() + "】" + message.body();
        Map<String, Object> body = Map.of(
                "msgtype", "text",
                "text", Map.of("content", content),
                "at", Map.of("atMobiles", List.of(message.recipient()), "isAtAll", false));
        ResponseEntity<JsonNode> answer = http.post().uri(signedUrl()).contentType(MediaType.APPLICATION_JSON)
                .header(ChannelHttp.IDEMPOTENCY_KEY, message.key()).body(body).retrieve().toEntity(JsonNode.class);
        ChannelHttp.check(name(), answer.getStatusCode(), String.valueOf(answer.getBody()));
        int errcode = answer.getBody() == null ? -1 : answer.getBody().path("errcode").asInt(-1);
        if (errcode == 0) {
            return;
        }
        String error = "dingtalk errcode " + errcode + ": " + answer.getBody().path("errmsg").asText();
        if (RETRYABLE.contains(errcode)) {
            throw new IllegalStateException(error);
        }
        throw new PermanentFailure(error);
    }

    private String signedUrl() {
        if (secret.isBlank()) {
            return webhookUrl;
        }
        long timestamp = clock.millis();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sign = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return webhookUrl + (webhookUrl.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
