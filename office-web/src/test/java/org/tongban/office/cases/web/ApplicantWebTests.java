package org.tongban.office.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.tongban.engine.cases.PendingMaterialsLedger;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.CaseFlow;

/**
 * The applicant side over REST: the public status look-up (no login, 404 alike for a wrong code and an unknown
 * case, nothing personal, rate-limited with 429 and Retry-After), 好差评 with its rectification, trips and the
 * one-trip share, the 容缺 ledger and a REFUSE matter's case refused at its deadline. The rate-limit test runs last: the counters are per address, and every test
 * comes from 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tongban.public.rate-limit.per-case=6", "tongban.public.rate-limit.per-ip=40"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicantWebTests {

    @LocalServerPort
    int port;

    @Autowired
    PendingMaterialsLedger ledger;
    @Autowired
    ManagementService managementService;

    Api api;
    CaseFlow flow;
    EngineTime time;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flow = new CaseFlow(api);
        time = new EngineTime(managementService);
    }

    @Test
    @Order(1)
    void theApplicantSeesTheStatusWithTheCodeAndNothingElseWithoutLoggingIn() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        String number = created.path("caseNumber").asText();
        String code = created.path("accessCode").asText();
        assertThat(code).hasSize(6);
        assertThat(api.get(WINDOW_CLERK, "/api/cases/" + created.path("id").asLong()).body().path("accessCode").asText(null))
                .as("the code is shown once, at intake").isNull();

        Api.Response status = api.post(null, "/api/public/case-status", Map.of("caseNumber", number, "code", code));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.headers().getCacheControl()).contains("no-store");
        assertThat(status.body().path("statusLabel").asText()).isEqualTo("待受理");
        assertThat(status.body().path("currentSteps").get(0).asText()).isEqualTo("一窗受理");
        assertThat(status.body().toString()).doesNotContain("𠮷祥", Fixtures.CITIZEN_ID, "13900000000", "张丽",
                WINDOW_CLERK, "食品经营许可");

        Api.Response wrong = api.post(null, "/api/public/case-status", Map.of("caseNumber", number, "code", "ZZZZZZ"));
        Api.Response unknown = api.post(null, "/api/public/case-status",
                Map.of("caseNumber", "TB2099010100001", "code", code));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrong.body().path("detail")).isEqualTo(unknown.body().path("detail"));
        assertThat(api.post(null, "/api/public/case-status", null).status()).isEqualTo(404);
        // everything else still needs a login
        assertThat(api.get(null, "/api/cases/" + created.path("id").asLong()).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aPoorRatingAfterClosingOpensARectificationThatTheDepartmentsLeaderReports() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long id = created.path("id").asLong();
        Map<String, Object> rating = Map.of("caseNumber", created.path("caseNumber").asText(),
                "code", created.path("accessCode").asText(), "score", 2, "comment", "审批结果没有及时告知");
        assertThat(api.post(null, "/api/public/case-rating", rating).status()).as("not closed yet").isEqualTo(409);
        flow.runFoodLicenceToClosed(id);

        Api.Response closed = api.post(null, "/api/public/case-status", Map.of("caseNumber",
                created.path("caseNumber").asText(), "code", created.path("accessCode").asText()));
        assertThat(closed.body().path("canRate").asBoolean()).isTrue();
        Api.Response bad = api.post(null, "/api/public/case-rating", Map.of("caseNumber",
                created.path("caseNumber").asText(), "code", created.path("accessCode").asText(), "score", 9));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").has("score")).isTrue();

        Api.Response rated = api.post(null, "/api/public/case-rating", rating);
        assertThat(rated.status()).as("%s", rated.body()).isEqualTo(200);
        assertThat(rated.body().path("rated").asBoolean()).isTrue();
        assertThat(api.post(null, "/api/public/case-rating", rating).status()).as("once").isEqualTo(409);

        JsonNode traced = api.get(WINDOW_CLERK, "/api/cases/" + id).body().path("rating");
        assertThat(traced.path("score").asInt()).isEqualTo(2);
        assertThat(traced.path("tracedDepartment").asText()).isNotBlank();
        long itemId = traced.path("rectificationItemId").asLong();
        JsonNode item = api.get(SUPERVISOR, "/api/supervision/items/" + itemId).body();
        assertThat(item.path("source").asText()).isEqualTo("RATING");
        String department = traced.path("tracedDepartment").asText();
        assertThat(item.path("subItems").get(0).path("unitDepartment").asText()).isEqualTo(department);
        if (department.equals("SJ_FOOD")) {
            JsonNode tasks = api.get(FOOD_LEADER, "/api/tasks?size=100").body().path("items");
            assertThat(StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.path("activityId").asText().equals("report"))
                    .map(t -> t.path("subject").path("id").asLong())).contains(itemId);
        }
    }

    @Test
    @Order(3)
    void tripsAreRecordedByTheWindowAndCountedInTheOneTripShare() {
        long id = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body().path("id").asLong();
        assertThat(api.post(FIRE_HANDLER, "/api/cases/" + id + "/visits", Map.of("purpose", "COLLECT")).status())
                .isEqualTo(404);
        assertThat(api.post(WINDOW_CLERK, "/api/cases/" + id + "/visits", Map.of("purpose", "WALK")).status())
                .isEqualTo(400);
        Api.Response visit = api.post(WINDOW_CLERK, "/api/cases/" + id + "/visits",
                Map.of("purpose", "SUPPLEMENT", "note", "补交健康证明"));
        assertThat(visit.status()).isEqualTo(200);
        assertThat(visit.body().path("visits")).hasSize(2);
        flow.runFoodLicenceToClosed(id);

        JsonNode stats = api.get(SUPERVISOR, "/api/supervision/visit-statistics").body();
        assertThat(stats.path("closedCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("closedCases").asLong()).isGreaterThan(stats.path("atMostOneVisit").asLong());
        assertThat(api.get(FIRE_HANDLER, "/api/supervision/visit-statistics").body().path("closedCases").asLong())
                .isZero();
        assertThat(api.get(SUPERVISOR, "/api/supervision/visit-statistics?from=2026-12-01&to=2026-01-01").status())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void theLedgerListsMissingMaterialsWithTheirDeadline() {
        long id = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body().path("id").asLong();
        Api.Response accepted = api.post(WINDOW_CLERK, "/api/tasks/" + flow.taskId(WINDOW_CLERK, id, "intake")
                + "/complete", Map.of("decision", "ACCEPT_WITH_PENDING", "opinion", "容缺受理",
                "pendingMaterials", List.of("FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS")));
        assertThat(accepted.status()).isEqualTo(204);

        JsonNode ledger = api.get(WINDOW_CLERK, "/api/cases/pending-materials").body();
        JsonNode entry = StreamSupport.stream(ledger.spliterator(), false).filter(e -> e.path("caseId").asLong() == id)
                .findFirst().orElseThrow();
        assertThat(entry.path("missing").get(0).asText()).isEqualTo("从业人员健康证明");
        assertThat(entry.path("dueAt").asText()).isNotBlank();
        assertThat(entry.path("overdue").asBoolean()).isFalse();
        assertThat(api.get(FIRE_HANDLER, "/api/cases/pending-materials").body().toString()).doesNotContain("从业人员");
    }

    @Test
    @Order(5)
    void aCaseOfARefuseMatterIsRefusedAtTheDeadlineAndLeavesNobodysTodoList() {
        JsonNode sign = StreamSupport.stream(api.get(WINDOW_CLERK, "/api/matters").body().spliterator(), false)
                .filter(m -> m.path("code").asText().equals("OUTDOOR_SIGN_SETUP")).findFirst().orElseThrow();
        assertThat(sign.path("pendingMaterialsExpiry").asText()).isEqualTo("REFUSE");
        assertThat(sign.path("pendingMaterialsDays").asInt()).isEqualTo(3);

        long id = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aCaseOf("OUTDOOR_SIGN_SETUP")).body().path("id").asLong();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + flow.taskId(WINDOW_CLERK, id, "intake") + "/complete",
                Map.of("decision", "ACCEPT_WITH_PENDING", "opinion", "容缺受理",
                        "pendingMaterials", List.of("OUTDOOR_SIGN_SETUP/PROPERTY_CONSENT"))).status()).isEqualTo(204);
        assertThat(ledgerEntry(id).path("onExpiry").asText()).isEqualTo("REFUSE");
        String handle = flow.taskId(CITY_HANDLER, id, "handle");

        time.set(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(30)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        try {
            assertThat(ledger.escalateDue()).isPositive();
        } finally {
            time.reset();
        }

        JsonNode refused = api.get(WINDOW_CLERK, "/api/cases/" + id).body();
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("openSteps")).isEmpty();
        assertThat(refused.path("timeline").findValuesAsText("activityId")).contains("pendingMaterialsRefused");
        assertThat(api.get(CITY_HANDLER, "/api/tasks?size=100").body().toString()).doesNotContain(handle);
        Api.Response late = api.post(CITY_HANDLER, "/api/tasks/" + handle + "/complete",
                Map.of("decision", "GRANT", "opinion", "同意"));
        assertThat(late.status()).as("the refused case's task is gone, as one taken by someone else").isEqualTo(409);
        assertThat(late.headers().getContentType()).hasToString("application/problem+json");
        assertThat(ledgerEntry(id).path("status").asText()).isEqualTo("REFUSED");
        // a trip to ask why is still recorded; a bad one is refused in problem details and changes nothing
        Api.Response bad = api.post(WINDOW_CLERK, "/api/cases/" + id + "/visits", Map.of("purpose", "COMPLAIN"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").path("purpose").asText()).isNotBlank();
        assertThat(api.post(WINDOW_CLERK, "/api/cases/" + id + "/visits", Map.of("purpose", "ENQUIRY", "note", "询问终止原因"))
                .body().path("visits")).hasSize(2);
    }

    private JsonNode ledgerEntry(long caseId) {
        return StreamSupport.stream(api.get(WINDOW_CLERK, "/api/cases/pending-materials").body().spliterator(), false)
                .filter(e -> e.path("caseId").asLong() == caseId).findFirst().orElseThrow();
    }

    @Test
    @Order(99)
    void lookUpsAreLimitedPerCaseNumberAndPerAddressWith429AndRetryAfter() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        String number = created.path("caseNumber").asText();
        Map<String, String> guess = Map.of("caseNumber", number, "code", "ZZZZZZ");
        for (int i = 0; i < 6; i++) {
            assertThat(api.post(null, "/api/public/case-status", guess).status()).isEqualTo(404);
        }
        Api.Response limited = api.post(null, "/api/public/case-status",
                Map.of("caseNumber", number, "code", created.path("accessCode").asText()));
        assertThat(limited.status()).as("even the right code, once the case's tries are used up").isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 600L);

        int answered = 0;
        Api.Response last = null;
        for (int i = 0; i < 45 && (last == null || last.status() != 429); i++) {
            last = api.post(null, "/api/public/case-status", Map.of("caseNumber", "TB20990101" + (10000 + i),
                    "code", "ZZZZZZ"));
            answered += last.status() == 404 ? 1 : 0;
        }
        assertThat(last.status()).as("the address's allowance ends").isEqualTo(429);
        assertThat(answered).isLessThan(40);
    }
}
