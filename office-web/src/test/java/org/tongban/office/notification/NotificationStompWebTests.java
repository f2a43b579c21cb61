package org.tongban.office.notification;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.StompClient;

/**
 * Live notifications over STOMP: a task offered to my department reaches me at once when I am online; when I was
 * offline it waits in the notification centre and is handed over once when I connect; the centre counts unread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationStompWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aTaskOfferedToMyDepartmentIsPushedAtOnceAndKeptForThoseOffline() throws Exception {
        pending(FOOD_HANDLER_RARE_NAME); // 𠮷哲 is offline from here on; what earlier tests left is handed over
        long before = api.get(FOOD_HANDLER_RARE_NAME, "/api/notifications/unread-count").body().path("count").asLong();
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        String intake = created.path("openSteps").get(0).path("taskId").asText();
        try (StompClient online = StompClient.connect(port, api.token(FOOD_HANDLER_2))) {
            StompClient.Inbox notices = online.subscribe("/user/queue/notifications");
            online.sync();
            assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT"))
                    .status()).isEqualTo(204);
            JsonNode notice = notices.next(n -> n.path("title").asText().contains(created.path("title").asText()));
            assertThat(notice.path("type").asText()).isEqualTo("TASK_OFFERED");
            assertThat(notice.path("link").asText()).startsWith("/tasks/");
        }
        // the offline handler finds it in the centre, and gets it once when connecting
        assertThat(api.get(FOOD_HANDLER_RARE_NAME, "/api/notifications/unread-count").body().path("count").asLong())
                .isEqualTo(before + 1);
        List<JsonNode> handedOver = pending(FOOD_HANDLER_RARE_NAME);
        assertThat(handedOver).extracting(n -> n.path("type").asText()).containsExactly("TASK_OFFERED");
        assertThat(handedOver.get(0).path("title").asText()).contains("𠮷祥");
        assertThat(pending(FOOD_HANDLER_RARE_NAME)).isEmpty();

        long id = handedOver.get(0).path("id").asLong();
        assertThat(api.post(FOOD_HANDLER, "/api/notifications/" + id + "/read", null).status())
                .as("someone else's notice").isEqualTo(404);
        assertThat(api.post(FOOD_HANDLER_RARE_NAME, "/api/notifications/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(api.get(FOOD_HANDLER_RARE_NAME, "/api/notifications/unread-count").body().path("count").asLong())
                .isEqualTo(before);
        assertThat(api.post(FOOD_HANDLER_RARE_NAME, "/api/notifications/read-all", null).status()).isEqualTo(200);
        JsonNode page = api.get(FOOD_HANDLER_RARE_NAME, "/api/notifications?unreadOnly=true").body();
        assertThat(page.path("unread").asLong()).isZero();
        assertThat(page.path("items")).isEmpty();
    }

    @Test
    void aMentionAndAnUrgentMessageAreAnnouncedLive() throws Exception {
        long group = api.post(FIRE_LEADER, "/api/conversations", Map.of("title", "值班安排",
                "members", List.of(FIRE_HANDLER, FIRE_REVIEWER))).body().path("id").asLong();
        try (StompClient handler = StompClient.connect(port, api.token(FIRE_HANDLER))) {
            StompClient.Inbox notices = handler.subscribe("/user/queue/notifications");
            handler.sync();
            api.post(FIRE_LEADER, "/api/conversations/" + group + "/messages",
                    Map.of("text", "@周浩 今晚值班", "mentions", List.of(FIRE_HANDLER), "urgent", true));
            List<String> types = List.of(notices.next().path("type").asText(), notices.next().path("type").asText());
            assertThat(types).containsExactlyInAnyOrder("MENTIONED", "URGENT_MESSAGE");
            assertThat(notices.drain(Duration.ofMillis(200))).isEmpty();
        }
    }

    /** Connects as {@code username}, takes the notices waiting for them, disconnects. */
    private List<JsonNode> pending(String username) throws Exception {
        try (StompClient client = StompClient.connect(port, api.token(username))) {
            JsonNode list = client.subscribe("/app/notifications/pending").next();
            return StreamSupport.stream(list.spliterator(), false).toList();
        }
    }
}
