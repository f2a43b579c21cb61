package org.tongban.integration.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
 * Sends outbox messages as WeCom-style application text messages to a user id. The access token from
 * {@code /cgi-bin/gettoken} is cached until shortly before it expires and fetched again when the server says it
 * is invalid (40014, 42001). The server's own duplicate check is switched on as a second guard against repeats.
 */
@Component
@ConditionalOnProperty(name = "tongban.channels.wecom.corp-id")
class WeComAppChannel implements OutboundChannel {

    private static final Set<Integer> TOKEN_INVALID = Set.of(40014, 42001);
    private static final Set<Integer> RETRYABLE = Set.of(-1, 45009, 45033);

    private final RestClient http;
    private final String corpId;
    private final String corpSecret;
    private final int agentId;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    WeComAppChannel(@Value("${tongban.channels.wecom.base-url:https://qyapi.weixin.qq.com}") String baseUrl,
                    @Value("${tongban.channels.wecom.corp-id}") String corpId,
                    @Value("${tongban.channels.wecom.corp-secret}") String corpSecret,
                    @Value("${tongban.channels.wecom.agent-id}") int agentId, Clock clock) {
        this.http = ChannelHttp.client(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.corpId = corpId;
        this.corpSecret = corpSecret;
        this.agentId = agentId;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "wecom";
    }

    @Override
    public synchronized void send(OutboundMessage message) {
        int errcode = post(message, token());
        if (TOKEN_INVALID.contains(errcode)) {
            tokenExpires = Instant.MIN;
            errcode = post(message, token());
        }
        if (errcode == 0) {
            return;
        }
        String error = "wecom errcode " + errcode;
        if (RETRYABLE.contains(errcode) || TOKEN_INVALID.contains(errcode)) {
            throw new IllegalStateException(error);
        }
        throw new PermanentFailure(error);
    }

    private int post(OutboundMessage message, String accessToken) {
        String content = message.subject() == null ? message.body() : message.subject() + "\n" + message.body();
        Map<String, Object> body = Map.of("touser", message.recipient(), "msgtype", "text", "agentid", agentId,
                "text", Map.of("content", content), "enable_duplicate_check", 1, "duplicate_check_interval", 1800);
        ResponseEntity<JsonNode> answer = http.post().uri("/cgi-bin/message/send?access_token={t}", accessToken)
                .contentType(MediaType.APPLICATION_JSON).header(ChannelHttp.IDEMPOTENCY_KEY, message.key())
                .body(body).retrieve().toEntity(JsonNode.class);
        ChannelHttp.check(name(), answer.getStatusCode(), String.valueOf(answer.getBody()));
        return answer.getBody() == null ? -1 : answer.getBody().path("errcode").asInt(-1);
    }

    private String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        ResponseEntity<JsonNode> answer = http.get().uri("/cgi-bin/gettoken?corpid={id}&corpsecret={secret}", corpId,
                corpSecret).retrieve().toEntity(JsonNode.class);
        ChannelHttp.check(name(), answer.getStatusCode(), String.valueOf(answer.getBody()));
        JsonNode json = answer.getBody();
        if (json == null || json.path("errcode").asInt(-1) != 0) {
            throw new IllegalStateException("wecom gettoken failed: " + json);
        }
        token = json.path("access_token").asText();
        // renew five minutes early, so a token never expires between check and use
        tokenExpires = clock.instant().plusSeconds(Math.max(60, json.path("expires_in").asLong(7200) - 300));
        return token;
    }
}
