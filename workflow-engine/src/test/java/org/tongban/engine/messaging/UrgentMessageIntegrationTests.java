package org.tongban.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.testsupport.MutableClock;

/**
 * 必达: a must-reach message that stays unread escalates after the delay to the first outside channel (through the
 * outbox), after another delay to the next, then stops; reading it stops the escalation at once.
 */
@SpringBootTest(classes = EngineTestApplication.class, properties = {
        "tongban.messaging.urgent.delay=5m", "tongban.messaging.urgent.channels=wecom,sms"})
@Import(MutableClock.Config.class)
class UrgentMessageIntegrationTests {

    @Autowired
    ConversationService conversations;
    @Autowired
    MessageService messages;
    @Autowired
    UrgentMessageEscalator escalator;
    @Autowired
    NotificationService notifications;
    @Autowired
    DirectoryService directory;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM tb_outbox");
        clock.advance(Duration.ofDays(1)); // nothing left due from another test
        escalator.escalateDue();
        jdbc.update("DELETE FROM tb_outbox");
    }

    @Test
    void anUnreadUrgentMessageEscalatesChannelByChannelThenStops() {
        ConversationView group = conversations.createGroup(actor(FOOD_LEADER),
                new GroupForm("紧急督办", List.of(FOOD_HANDLER, FOOD_REVIEWER)));
        MessageView ding = messages.post(actor(FOOD_LEADER), group.id(),
                new MessageForm("今天下班前报送材料", List.of(FOOD_HANDLER), null, true, null));
        assertThat(ding.urgent()).isTrue();
        assertThat(notifications.list(actor(FOOD_HANDLER), false, 0, 5).items())
                .anySatisfy(n -> assertThat(n.type()).isEqualTo(NotificationType.URGENT_MESSAGE));

        clock.advance(Duration.ofMinutes(4));
        assertThat(escalator.escalateDue()).as("not yet due").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(escalator.escalateDue()).isEqualTo(1);
        assertThat(escalator.escalateDue()).as("not twice for one step").isZero();
        assertThat(outbox()).extracting(r -> r.get("CHANNEL"), r -> r.get("RECIPIENT"))
                .containsExactly(tuple("wecom", FOOD_HANDLER));
        assertThat((String) outbox().get(0).get("BODY")).contains("孙伟", "紧急督办").doesNotContain("报送材料");

        clock.advance(Duration.ofMinutes(6));
        assertThat(escalator.escalateDue()).isEqualTo(1);
        assertThat(outbox()).extracting(r -> r.get("CHANNEL"), r -> r.get("RECIPIENT"))
                .containsExactly(tuple("wecom", FOOD_HANDLER), tuple("sms", "13800000011"));
        clock.advance(Duration.ofHours(1));
        assertThat(escalator.escalateDue()).as("channels used up").isZero();

        ReadReceipts receipts = messages.receipts(actor(FOOD_LEADER), group.id(), ding.id());
        assertThat(receipts.escalations()).extracting(ReadReceipts.Escalation::channel, ReadReceipts.Escalation::outcome)
                .containsExactly(tuple("wecom", "QUEUED"), tuple("sms", "QUEUED"));
        // only the mentioned person was urged; the reviewer was not
        assertThat(receipts.escalations()).extracting(ReadReceipts.Escalation::username).containsOnly(FOOD_HANDLER);
    }

    @Test
    void readingStopsTheEscalation() {
        ConversationView group = conversations.createGroup(actor(FIRE_LEADER),
                new GroupForm("夜间检查", List.of(FIRE_HANDLER, FIRE_REVIEWER)));
        MessageView ding = messages.post(actor(FIRE_LEADER), group.id(),
                new MessageForm("今晚 8 点集合", List.of(), null, true, null));
        messages.markRead(actor(FIRE_HANDLER), group.id(), ding.id());

        clock.advance(Duration.ofMinutes(6));
        assertThat(escalator.escalateDue()).isEqualTo(1); // the reviewer only
        assertThat(outbox()).extracting(r -> r.get("RECIPIENT")).containsExactly(FIRE_REVIEWER);

        messages.markRead(actor(FIRE_REVIEWER), group.id(), ding.id());
        clock.advance(Duration.ofMinutes(6));
        assertThat(escalator.escalateDue()).isZero();
        assertThat(outbox()).hasSize(1);
        assertThat(jdbc.queryForList("SELECT username, status FROM tb_urgent_delivery WHERE message_id = ? ORDER BY username",
                ding.id()).stream().map(UrgentMessageIntegrationTests::upper).toList())
                .extracting(r -> r.get("USERNAME"), r -> r.get("STATUS"))
                .containsExactly(tuple(FIRE_REVIEWER, "READ"), tuple(FIRE_HANDLER, "READ"));
    }

    private List<Map<String, Object>> outbox() {
        return jdbc.queryForList("SELECT channel, recipient, body FROM tb_outbox ORDER BY id").stream()
                .map(UrgentMessageIntegrationTests::upper).toList();
    }

    /** Column names as H2 reports them, whatever the database. */
    private static Map<String, Object> upper(Map<String, Object> row) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> result.put(k.toUpperCase(), v));
        return result;
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
