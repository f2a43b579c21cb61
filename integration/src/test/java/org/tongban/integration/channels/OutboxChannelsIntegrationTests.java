package org.tongban.integration.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTestApplication;
import org.tongban.engine.outbox.Outbox;
import org.tongban.engine.outbox.OutboxStatus;
import org.tongban.engine.outbox.OutboxWorker;
import org.tongban.engine.outbox.persistence.OutboxMapper;
import org.tongban.engine.testsupport.MutableClock;

/**
 * The outbox and the real channel adapters against WireMock as the outside systems: a receiver that is down for
 * a while loses nothing and, once up, gets each message once; refusals are not retried; a crashed worker's
 * message is sent again with the same idempotency key; two workers never send one message twice.
 */
@SpringBootTest(classes = IntegrationTestApplication.class)
@Import(MutableClock.Config.class)
class OutboxChannelsIntegrationTests {

    static final WireMockServer outside = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        outside.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("tongban.channels.dingtalk.webhook-url", () -> outside.baseUrl() + "/robot/send?access_token=t0k");
        registry.add("tongban.channels.dingtalk.secret", () -> "SECdemo");
        registry.add("tongban.channels.wecom.base-url", outside::baseUrl);
        registry.add("tongban.channels.wecom.corp-id", () -> "ww-demo");
        registry.add("tongban.channels.wecom.corp-secret", () -> "s3cret");
        registry.add("tongban.channels.wecom.agent-id", () -> "1000002");
        registry.add("tongban.channels.sms.url", () -> outside.baseUrl() + "/sms/send");
        registry.add("tongban.channels.sms.api-key", () -> "k");
    }

    @AfterAll
    static void stop() {
        outside.stop();
    }

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxWorker worker;
    @Autowired
    OutboxMapper mapper;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        outside.resetAll();
        jdbc.update("DELETE FROM tb_outbox"); // each test starts with an empty outbox
    }

    @Test
    void aRobotThatIsDownForAWhileGetsTheMessageOnceItIsBack() {
        outside.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("robot").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("still down"));
        outside.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("robot").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        outside.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("robot").whenScenarioStateIs("up")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String key = tx.execute(s -> outbox.enqueue("dingtalk", "13800000011", "新待办", "办件 TB2026112300001 待您承办"));

        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(mapper.findByKey(key).status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(worker.deliverDue()).as("not due again before its backoff: %s", mapper.findByKey(key)).isZero();
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue();
        clock.advance(Duration.ofSeconds(4));
        worker.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(worker.deliverDue()).isZero();

        var sent = mapper.findByKey(key);
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        List<LoggedRequest> requests = outside.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.getHeader(ChannelHttp.IDEMPOTENCY_KEY)).isEqualTo(key);
            assertThat(r.queryParameter("sign").isPresent()).isTrue();
            assertThat(r.queryParameter("access_token").firstValue()).isEqualTo("t0k");
            assertThat(r.getBodyAsString()).contains("13800000011").contains("【新待办】办件 TB2026112300001 待您承办");
        });
    }

    @Test
    void aMessageOfARolledBackTransactionIsNeverSent() {
        outside.stubFor(any(anyUrl()).willReturn(okJson("{\"errcode\":0}")));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            outbox.enqueue("sms", "13900000000", null, "不应发出");
            throw new IllegalStateException("the business step failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(worker.deliverDue()).isZero();
        outside.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void weComRenewsAnExpiredTokenAndARefusalIsNotRetried() {
        outside.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"OLD\",\"expires_in\":7200}"))
                .willSetStateTo("renewed"));
        outside.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"NEW\",\"expires_in\":7200}")));
        outside.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("OLD"))
                .willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        outside.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("NEW"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("liqiang")))
                .willReturn(okJson("{\"errcode\":0}")));
        outside.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("NEW"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("nobody")))
                .willReturn(okJson("{\"errcode\":81013,\"errmsg\":\"user invalid\"}")));
        String good = tx.execute(s -> outbox.enqueue("wecom", "liqiang", "催办", "请尽快办理"));
        String bad = tx.execute(s -> outbox.enqueue("wecom", "nobody", "催办", "请尽快办理"));

        worker.deliverDue();
        assertThat(mapper.findByKey(good).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(mapper.findByKey(bad).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(mapper.findByKey(bad).lastError()).contains("81013");
        clock.advance(Duration.ofHours(1));
        assertThat(worker.deliverDue()).isZero();
        outside.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        outside.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withRequestBody(matchingJsonPath("$.agentid", equalTo("1000002")))
                .withRequestBody(matchingJsonPath("$.enable_duplicate_check", equalTo("1"))));
    }

    @Test
    void aMessageOfACrashedWorkerIsSentAgainWithTheSameKey() {
        outside.stubFor(post(urlPathEqualTo("/sms/send")).willReturn(aResponse().withStatus(202)));
        String key = tx.execute(s -> outbox.enqueue("sms", "13900000000", "提醒", "您的办件已办结"));
        var row = mapper.findByKey(key);
        // a worker claimed it and died before recording the outcome
        assertThat(mapper.claim(row.id(), OutboxStatus.PENDING, 0, clock.instant().plusSeconds(60))).isEqualTo(1);
        assertThat(worker.deliverDue()).as("still leased to the dead worker").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(mapper.findByKey(key).status()).as("%s", mapper.findByKey(key)).isEqualTo(OutboxStatus.SENT);
        outside.verify(1, postRequestedFor(urlPathEqualTo("/sms/send"))
                .withHeader(ChannelHttp.IDEMPOTENCY_KEY, equalTo(key))
                .withHeader("Authorization", equalTo("Bearer k"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("【通办】提醒：您的办件已办结"))));
    }

    @Test
    void twoWorkersNeverSendOneMessageTwice() throws Exception {
        outside.stubFor(post(urlPathEqualTo("/sms/send")).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        for (int i = 0; i < 20; i++) {
            int n = i;
            tx.executeWithoutResult(s -> outbox.enqueue("sms", "1390000" + String.format("%04d", n), null, "第" + n + "条"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.of(worker::deliverDue, worker::deliverDue));
            int attempted = 0;
            for (Future<Integer> run : runs) {
                attempted += run.get();
            }
            assertThat(attempted).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        List<LoggedRequest> requests = outside.findAll(postRequestedFor(urlPathEqualTo("/sms/send")));
        Set<String> keys = requests.stream().map(r -> r.getHeader(ChannelHttp.IDEMPOTENCY_KEY)).collect(Collectors.toSet());
        assertThat(requests).hasSize(20);
        assertThat(keys).hasSize(20);
        assertThat(mapper.countByStatus(OutboxStatus.PENDING) + mapper.countByStatus(OutboxStatus.SENDING)).isZero();
    }

    @Test
    void aMessageForAnUnconfiguredChannelFailsClearly() {
        String key = tx.execute(s -> outbox.enqueue("carrier-pigeon", "x", null, "?"));
        worker.deliverDue();
        assertThat(mapper.findByKey(key).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(mapper.findByKey(key).lastError()).contains("carrier-pigeon");
    }
}
