package org.tongban.office.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.StompClient;

/**
 * Chat over STOMP with real WebSocket clients: live delivery in order to every member, read receipts to the sender,
 * and the refusals — a non-member's message is answered with an error and reaches nobody, a bad or ended token
 * cannot connect or keep sending, and nobody subscribes to anything but their own queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingStompWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void messagesSentOverStompReachEveryMemberLiveAndInOrder() throws Exception {
        long group = group(FOOD_HANDLER, "食品处与消防协调", FOOD_REVIEWER, FIRE_HANDLER);
        try (StompClient sender = StompClient.connect(port, api.token(FOOD_HANDLER));
             StompClient reader = StompClient.connect(port, api.token(FOOD_REVIEWER));
             StompClient other = StompClient.connect(port, api.token(FIRE_HANDLER))) {
            StompClient.Inbox readerInbox = reader.subscribe("/user/queue/messages");
            StompClient.Inbox otherInbox = other.subscribe("/user/queue/messages");
            StompClient.Inbox senderInbox = sender.subscribe("/user/queue/messages");
            reader.sync();
            other.sync();
            sender.sync();
            for (int i = 1; i <= 10; i++) {
                sender.send("/app/conversations/" + group + "/messages", Map.of("text", "第" + i + "条", "clientKey", "k" + i));
            }
            for (StompClient.Inbox inbox : List.of(readerInbox, otherInbox, senderInbox)) {
                for (int i = 1; i <= 10; i++) {
                    JsonNode message = inbox.next();
                    assertThat(message.path("text").asText()).isEqualTo("第" + i + "条");
                    assertThat(message.path("conversationId").asLong()).isEqualTo(group);
                    assertThat(message.path("senderName").asText()).isEqualTo("李强");
                }
            }
        }
        JsonNode history = api.get(FOOD_REVIEWER, "/api/conversations/" + group + "/messages?size=20").body();
        assertThat(history.path("items")).hasSize(10);
        assertThat(history.path("items").get(0).path("text").asText()).isEqualTo("第10条");
    }

    @Test
    void theSenderSeesWhoHasReadAMessage() throws Exception {
        long group = group(ENV_HANDLER, "环评审批", ENV_REVIEWER, CITY_HANDLER);
        long messageId = api.post(ENV_HANDLER, "/api/conversations/" + group + "/messages", Map.of("text", "请审核"))
                .body().path("id").asLong();
        try (StompClient sender = StompClient.connect(port, api.token(ENV_HANDLER));
             StompClient reader = StompClient.connect(port, api.token(ENV_REVIEWER))) {
            StompClient.Inbox receipts = sender.subscribe("/user/queue/receipts");
            sender.sync();
            reader.send("/app/conversations/" + group + "/read", Map.of("upToMessageId", messageId));
            JsonNode receipt = receipts.next();
            assertThat(receipt.path("reader").asText()).isEqualTo(ENV_REVIEWER);
            assertThat(receipt.path("readerName").asText()).isEqualTo("陈磊");
            assertThat(receipt.path("upToMessageId").asLong()).isEqualTo(messageId);
        }
        JsonNode readers = api.get(ENV_HANDLER, "/api/conversations/" + group + "/messages/" + messageId + "/receipts").body();
        assertThat(names(readers.path("read"))).containsExactly(ENV_REVIEWER);
        assertThat(names(readers.path("unread"))).containsExactly(CITY_HANDLER);
        assertThat(api.get(ENV_REVIEWER, "/api/conversations/" + group).body().path("unreadCount").asLong()).isZero();
        assertThat(api.get(CITY_HANDLER, "/api/conversations/" + group).body().path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void aNonMemberGetsAnErrorAndNobodyGetsTheMessage() throws Exception {
        long group = group(CITY_HANDLER, "市容内部", CITY_REVIEWER);
        try (StompClient member = StompClient.connect(port, api.token(CITY_REVIEWER));
             StompClient stranger = StompClient.connect(port, api.token(FIRE_REVIEWER))) {
            StompClient.Inbox memberInbox = member.subscribe("/user/queue/messages");
            StompClient.Inbox errors = stranger.subscribe("/user/queue/errors");
            StompClient.Inbox strangerInbox = stranger.subscribe("/user/queue/messages");
            member.sync();
            stranger.sync();
            stranger.send("/app/conversations/" + group + "/messages", Map.of("text", "我也想说"));
            JsonNode error = errors.next();
            assertThat(error.path("status").asInt()).isEqualTo(404);
            assertThat(error.path("detail").asText()).contains("不是成员");
            // a member's own message still arrives; the stranger's never did
            api.post(CITY_HANDLER, "/api/conversations/" + group + "/messages", Map.of("text", "收到"));
            assertThat(memberInbox.next().path("text").asText()).isEqualTo("收到");
            assertThat(strangerInbox.drain(Duration.ofMillis(300))).isEmpty();
            assertThat(stranger.isConnected()).as("a refused message does not end the connection").isTrue();
        }
        assertThat(api.get(CITY_HANDLER, "/api/conversations/" + group + "/messages").body().path("items"))
                .extracting(m -> m.path("text").asText()).containsExactly("收到");
        assertThat(api.get(FIRE_REVIEWER, "/api/conversations/" + group + "/messages").status()).isEqualTo(404);
    }

    @Test
    void nobodySubscribesToAnythingButTheirOwnQueues() throws Exception {
        try (StompClient snoop = StompClient.connect(port, api.token(FIRE_LEADER))) {
            snoop.subscribe("/queue/messages-user" + "anything");
            assertThat(snoop.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(snoop.errors()).anySatisfy(e -> assertThat(e.getFirst("message")).contains("不允许的目的地"));
        }
        try (StompClient snoop = StompClient.connect(port, api.token(FIRE_LEADER))) {
            snoop.subscribe("/topic/tongban.user-registry");
            assertThat(snoop.awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aMissingBadOrEndedTokenCannotConnectOrGoOnSending() throws Exception {
        assertThatThrownBy(() -> StompClient.connect(port, null)).isInstanceOf(StompClient.ConnectionRefused.class);
        assertThatThrownBy(() -> StompClient.connect(port, "not.a.token"))
                .isInstanceOfSatisfying(StompClient.ConnectionRefused.class, refused ->
                        assertThat(refused.errors()).anySatisfy(e -> assertThat(e.getFirst("message")).contains("登录")));

        String token = freshToken(WINDOW_CLERK_2);
        long group = group(WINDOW_CLERK_2, "窗口值班", WINDOW_CLERK);
        try (StompClient client = StompClient.connect(port, token)) {
            client.sync();
            assertThat(api.call(HttpMethod.POST, "/api/auth/logout", token, null).status()).isEqualTo(204);
            client.send("/app/conversations/" + group + "/messages", Map.of("text", "退出后还能发吗"));
            assertThat(client.awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
        assertThatThrownBy(() -> StompClient.connect(port, token)).isInstanceOf(StompClient.ConnectionRefused.class);
        assertThat(api.get(WINDOW_CLERK, "/api/conversations/" + group + "/messages").body().path("items")).isEmpty();
    }

    /** A group created over REST by {@code owner} with the others; its id. */
    private long group(String owner, String title, String... others) {
        Api.Response created = api.post(owner, "/api/conversations", Map.of("title", title, "members", List.of(others)));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private String freshToken(String username) {
        return api.call(HttpMethod.POST, "/api/auth/login", null, Map.of("username", username, "password", PASSWORD))
                .body().path("token").path("accessToken").asText();
    }

    private static List<String> names(JsonNode people) {
        return StreamSupport.stream(people.spliterator(), false).map(p -> p.path("username").asText()).toList();
    }
}
