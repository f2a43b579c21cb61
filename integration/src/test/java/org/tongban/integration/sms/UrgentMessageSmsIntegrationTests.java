package org.tongban.integration.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tongban.IntegrationTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.messaging.ConversationService;
import org.tongban.engine.messaging.GroupForm;
import org.tongban.engine.messaging.MessageForm;
import org.tongban.engine.messaging.MessageService;
import org.tongban.engine.messaging.MessageView;
import org.tongban.engine.messaging.ReadReceipts;
import org.tongban.engine.messaging.UrgentMessageEscalator;
import org.tongban.engine.outbox.OutboxWorker;
import org.tongban.engine.testsupport.MutableClock;

/**
 * 必达 end to end: a must-reach message still unread after the delay goes out as an SMS through the outbox and the
 * real SMS adapter, to the recipient's phone from the directory, once, with the outbox key as idempotency key; a
 * message read in time sends nothing. WireMock is the SMS gateway.
 */
@SpringBootTest(classes = IntegrationTestApplication.class, properties = {
        "tongban.messaging.urgent.delay=10m", "tongban.messaging.urgent.channels=sms"})
@Import(MutableClock.Config.class)
class UrgentMessageSmsIntegrationTests {

    static final WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        gateway.start();
    }

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("tongban.channels.sms.url", () -> gateway.baseUrl() + "/sms/send");
        registry.add("tongban.channels.sms.api-key", () -> "k");
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Autowired
    ConversationService conversations;
    @Autowired
    MessageService messages;
    @Autowired
    UrgentMessageEscalator escalator;
    @Autowired
    OutboxWorker outbox;
    @Autowired
    DirectoryService directory;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void reset() {
        gateway.resetAll();
        gateway.stubFor(post(urlPathEqualTo("/sms/send")).willReturn(okJson("{\"code\":0}")));
    }

    @Test
    void anUnreadUrgentMessageReachesThePhoneOnceAndTheSenderSeesIt() {
        long group = conversations.createGroup(actor(FOOD_LEADER), new GroupForm("紧急材料", List.of(FOOD_HANDLER))).id();
        MessageView ding = messages.post(actor(FOOD_LEADER), group,
                new MessageForm("下午三点前报送现场核查记录", List.of(), null, true, null));

        clock.advance(Duration.ofMinutes(9));
        assertThat(escalator.escalateDue()).isZero();
        outbox.deliverDue();
        gateway.verify(0, postRequestedFor(urlPathEqualTo("/sms/send")));

        clock.advance(Duration.ofMinutes(2));
        assertThat(escalator.escalateDue()).isEqualTo(1);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        List<LoggedRequest> sent = gateway.findAll(postRequestedFor(urlPathEqualTo("/sms/send")));
        assertThat(sent).hasSize(1);
        String body = sent.get(0).getBodyAsString();
        assertThat(body).contains("\"phone\":\"13800000011\"", "孙伟", "必达消息", "紧急材料")
                .doesNotContain("现场核查记录"); // the message itself stays inside
        assertThat(sent.get(0).getHeader("Idempotency-Key")).isNotBlank();

        clock.advance(Duration.ofHours(1));
        assertThat(escalator.escalateDue()).isZero();
        outbox.deliverDue();
        gateway.verify(1, postRequestedFor(urlPathEqualTo("/sms/send")));
        ReadReceipts receipts = messages.receipts(actor(FOOD_LEADER), group, ding.id());
        assertThat(receipts.escalations()).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo(FOOD_HANDLER);
            assertThat(e.channel()).isEqualTo("sms");
            assertThat(e.outcome()).isEqualTo("QUEUED");
        });
    }

    @Test
    void aMessageReadInTimeSendsNothing() {
        long group = conversations.createGroup(actor(FIRE_LEADER), new GroupForm("检查通知", List.of(FIRE_HANDLER))).id();
        MessageView ding = messages.post(actor(FIRE_LEADER), group, new MessageForm("明早八点出发", List.of(), null, true, null));
        clock.advance(Duration.ofMinutes(5));
        messages.markRead(actor(FIRE_HANDLER), group, ding.id());
        clock.advance(Duration.ofMinutes(10));
        assertThat(escalator.escalateDue()).isZero();
        outbox.deliverDue();
        gateway.verify(0, postRequestedFor(urlPathEqualTo("/sms/send")));
        assertThat(messages.receipts(actor(FIRE_LEADER), group, ding.id()).escalations()).isEmpty();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
