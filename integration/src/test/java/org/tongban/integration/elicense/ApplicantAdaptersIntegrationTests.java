package org.tongban.integration.elicense;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tongban.IntegrationTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.outbox.OutboxWorker;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.MutableClock;
import org.tongban.integration.channels.ChannelHttp;

/**
 * The applicant side's outside systems, as WireMock servers behind the real adapters: the electronic-licence
 * service at intake (found, none, 5xx, too slow — intake goes on with paper), and the provincial data-sharing
 * exchange fed through the outbox (down, then up: each status change arrives, once per key).
 */
@SpringBootTest(classes = IntegrationTestApplication.class)
@Import(MutableClock.Config.class)
class ApplicantAdaptersIntegrationTests {

    static final WireMockServer licences = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer province = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String LICENCE_PATH = "/api/licenses/BUSINESS_LICENSE/" + Fixtures.RESTAURANT_CREDIT_CODE;

    static {
        licences.start();
        province.start();
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("tongban.elicense.url", () -> licences.baseUrl() + "/api");
        registry.add("tongban.elicense.api-key", () -> "lic-key");
        registry.add("tongban.elicense.read-timeout", () -> "1500ms");
        registry.add("tongban.data-sharing.enabled", () -> "true");
        registry.add("tongban.data-sharing.url", () -> province.baseUrl() + "/exchange/");
        registry.add("tongban.data-sharing.api-key", () -> "prov-key");
    }

    @AfterAll
    static void stop() {
        licences.stop();
        province.stop();
    }

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    OutboxWorker worker;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        licences.resetAll();
        province.resetAll();
        jdbc.update("DELETE FROM tb_outbox");
    }

    @Test
    void aBusinessLicenceOnFileIsFetchedInsteadOfPaperAndTheLookUpIsRecorded() {
        licences.stubFor(get(urlEqualTo(LICENCE_PATH)).willReturn(okJson("""
                {"licenseNumber":"330106000123456","holderName":"杭州知味小馆餐饮有限公司",
                 "holderIdNumber":"91330106MA2K88880X","issuer":"杭州市西湖区市场监督管理局","validUntil":"2046-05-31"}""")));

        CaseView created = cases.create(clerk(), Fixtures.aRestaurantOpeningCase());

        assertThat(material(created, "BUSINESS_LICENSE").status()).isEqualTo("ELICENSE");
        assertThat(material(created, "APPLICATION_FORM").status()).isEqualTo("PROVIDED");
        assertThat(created.licenseLookups()).singleElement().satisfies(l -> {
            assertThat(l.result()).isEqualTo("FOUND");
            assertThat(l.licenseNumber()).isEqualTo("330106000123456");
            assertThat(l.issuer()).isEqualTo("杭州市西湖区市场监督管理局");
        });
        LoggedRequest asked = licences.findAll(getRequestedFor(urlEqualTo(LICENCE_PATH))).get(0);
        assertThat(asked.getHeader("Authorization")).isEqualTo("Bearer lic-key");
        assertThat(asked.getHeader("X-Request-Id")).isNotBlank();
    }

    @Test
    void noLicenceOnFileMeansPaperAndIsRecordedAsNotFound() {
        licences.stubFor(get(urlEqualTo(LICENCE_PATH)).willReturn(notFound()));

        CaseView created = cases.create(clerk(), Fixtures.aRestaurantOpeningCase());

        assertThat(material(created, "BUSINESS_LICENSE").status()).isEqualTo("PROVIDED");
        assertThat(created.licenseLookups()).extracting(CaseView.LicenseLookup::result).containsExactly("NOT_FOUND");
    }

    @Test
    void aFailingLicenceServiceLeavesIntakeWorkingWithPaper() {
        licences.stubFor(get(urlEqualTo(LICENCE_PATH)).willReturn(serverError().withBody("{\"msg\":\"db down\"}")));

        CaseView created = cases.create(clerk(), Fixtures.aRestaurantOpeningCase());

        assertThat(created.accessCode()).isNotBlank();
        assertThat(material(created, "BUSINESS_LICENSE").status()).isEqualTo("PROVIDED");
        assertThat(created.licenseLookups()).extracting(CaseView.LicenseLookup::result).containsExactly("UNAVAILABLE");
        // and the case goes on as usual
        completeIntake(created);
        assertThat(cases.get(clerk(), created.id()).status().name()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aSlowLicenceServiceIsGivenUpAfterTheReadTimeout() {
        licences.stubFor(get(urlEqualTo(LICENCE_PATH)).willReturn(okJson("{\"licenseNumber\":\"x\"}")
                .withFixedDelay(4000)));

        long started = System.nanoTime();
        CaseView created = cases.create(clerk(), Fixtures.aRestaurantOpeningCase());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(3500));
        assertThat(material(created, "BUSINESS_LICENSE").status()).isEqualTo("PROVIDED");
        assertThat(created.licenseLookups()).extracting(CaseView.LicenseLookup::result).containsExactly("UNAVAILABLE");
    }

    @Test
    void statusChangesReachTheProvincialExchangeOnceEvenWhenItIsDownForAWhile() throws Exception {
        licences.stubFor(get(anyUrl()).willReturn(notFound()));
        province.stubFor(post(urlPathMatching("/exchange/cases/.*/status-changes")).inScenario("province")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(serviceUnavailable()).willSetStateTo("slow"));
        province.stubFor(post(urlPathMatching("/exchange/cases/.*/status-changes")).inScenario("province")
                .whenScenarioStateIs("slow").willReturn(aResponse().withStatus(200).withFixedDelay(6000))
                .willSetStateTo("up"));
        province.stubFor(post(urlPathMatching("/exchange/cases/.*/status-changes")).inScenario("province")
                .whenScenarioStateIs("up").willReturn(okJson("{\"code\":0}")));

        CaseView created = cases.create(clerk(), Fixtures.aRestaurantOpeningCase());
        completeIntake(created);
        String path = "/exchange/cases/" + created.caseNumber() + "/status-changes";

        for (int round = 0; round < 6; round++) {
            worker.deliverDue();
            clock.advance(Duration.ofSeconds(30));
        }

        List<LoggedRequest> requests = province.findAll(postRequestedFor(urlPathEqualTo(path)));
        List<String> delivered = jdbc.queryForList(
                "SELECT status FROM tb_outbox WHERE channel = 'data-sharing' AND recipient = ?", String.class,
                created.caseNumber());
        assertThat(delivered).hasSize(2).containsOnly("SENT");
        // a 503 for one, a timeout for the other, then both accepted: every try of a message carries its one key
        assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
        assertThat(requests.stream().map(r -> r.getHeader(ChannelHttp.IDEMPOTENCY_KEY)).distinct()).hasSize(2);
        List<String> statuses = requests.stream().map(r -> body(r).path("status").asText()).distinct().toList();
        assertThat(statuses).containsExactlyInAnyOrder("RECEIVED", "IN_REVIEW");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer prov-key");
            assertThat(r.getHeader("X-Source-System")).isEqualTo("TONGBAN");
            assertThat(body(r).path("caseNumber").asText()).isEqualTo(created.caseNumber());
            assertThat(body(r).path("matterCodes")).hasSize(4);
        });
    }

    @Test
    void everyStatusOfACaseIsQueuedForTheExchangeInTheTransactionThatSetIt() {
        CaseDriver driver = new CaseDriver(approvals, directory);
        CaseView granted = cases.create(clerk(), Fixtures.aFoodLicenceCase());
        driver.complete(WINDOW_CLERK, granted.id(), "intake", "ACCEPT", "材料齐全");
        driver.complete(FOOD_HANDLER, granted.id(), "handle", "GRANT", "符合条件");
        driver.complete(FOOD_REVIEWER, granted.id(), "review", "GRANT", "同意");
        if (cases.get(clerk(), granted.id()).openSteps().stream().anyMatch(s -> s.activityId().equals("leaderApproval"))) {
            driver.complete(FOOD_LEADER, granted.id(), "leaderApproval", "GRANT", "同意");
        }
        driver.complete(WINDOW_CLERK_2, granted.id(), "deliver", null, "窗口领取");
        CaseView refused = cases.create(clerk(), Fixtures.aFoodLicenceCase());
        driver.complete(WINDOW_CLERK, refused.id(), "intake", "REFUSE", "申请人不具备主体资格");

        assertThat(queued(granted.caseNumber())).containsExactly("RECEIVED", "IN_REVIEW", "DELIVERING", "CLOSED");
        assertThat(queued(refused.caseNumber())).containsExactly("RECEIVED", "REFUSED");
    }

    private List<String> queued(String caseNumber) {
        return jdbc.queryForList("SELECT subject FROM tb_outbox WHERE channel = 'data-sharing' AND recipient = ?"
                + " ORDER BY id", String.class, caseNumber);
    }

    private JsonNode body(LoggedRequest request) {
        try {
            return json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void completeIntake(CaseView created) {
        String task = created.openSteps().get(0).taskId();
        approvals.complete(clerk(), task, new CompletionForm("ACCEPT", "材料齐全", List.of()));
    }

    private Actor clerk() {
        return directory.findActor(WINDOW_CLERK).orElseThrow();
    }

    private static CaseView.MaterialState material(CaseView view, String code) {
        return view.materials().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }
}
