package org.tongban.office.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;

/** The 开办餐饮店 bundle over HTTP on a real port, as the people of four agencies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneWindowCaseWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void restaurantBundleIsHandledFromIntakeToClosedByPeopleOfFourAgencies() {
        assertThat(api.get(WINDOW_CLERK, "/api/matter-bundles").body().toString()).contains("开办餐饮店");
        Api.Response created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aRestaurantOpeningCase());
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/cases/" + id);
        assertThat(created.body().path("status").asText()).isEqualTo("RECEIVED");

        complete(WINDOW_CLERK, id, "intake", "ACCEPT", "材料齐全，予以受理");
        grant(id, FOOD_HANDLER, FOOD_REVIEWER, FOOD_LEADER);
        grant(id, FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER);
        grant(id, ENV_HANDLER, ENV_REVIEWER, null);
        grant(id, CITY_HANDLER, CITY_REVIEWER, null);
        complete(WINDOW_CLERK_2, id, "deliver", null, "电子证照已推送，纸质证照窗口领取");

        JsonNode done = api.get(WINDOW_CLERK, "/api/cases/" + id).body();
        assertThat(done.path("status").asText()).isEqualTo("CLOSED");
        assertThat(done.path("outcome").asText()).isEqualTo("GRANTED");
        List<String> timeline = StreamSupport.stream(done.path("timeline").spliterator(), false)
                .map(e -> e.path("activityId").asText() + "/" + e.path("actor").asText()).toList();
        assertThat(timeline).startsWith("caseCreated/" + WINDOW_CLERK, "intake/" + WINDOW_CLERK, "dispatch/system")
                .endsWith("consolidate/system", "deliver/" + WINDOW_CLERK_2, "close/system")
                .contains("handle/" + FOOD_HANDLER, "review/" + FOOD_REVIEWER, "leaderApproval/" + FOOD_LEADER,
                        "handle/" + FIRE_HANDLER, "leaderApproval/" + FIRE_LEADER, "handle/" + ENV_HANDLER,
                        "review/" + CITY_REVIEWER)
                .hasSize(3 + 4 + 4 + 2 + 3);
        assertThat(done.path("timeline").get(1).path("opinion").asText()).isEqualTo("材料齐全，予以受理");
        assertThat(done.path("timeline").get(1).path("actorName").asText()).isEqualTo("张丽");
    }

    @Test
    void twoUsersCompletingOneTaskAtTheSameMomentGetOneSuccessAndOneConflict() throws Exception {
        long id = acceptedCase();
        String taskId = taskId(FOOD_HANDLER, id, "handle");
        api.token(FOOD_HANDLER);
        api.token(FOOD_HANDLER_2);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Response> responses = new ArrayList<>();
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (String user : List.of(FOOD_HANDLER, FOOD_HANDLER_2)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post(user, "/api/tasks/" + taskId + "/complete",
                            Map.of("decision", "GRANT", "opinion", user + " 同意"));
                }));
            }
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
        Api.Response conflict = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(conflict.body().path("detail").asText()).isNotBlank();

        JsonNode view = api.get(WINDOW_CLERK, "/api/cases/" + id).body();
        assertThat(StreamSupport.stream(view.path("timeline").spliterator(), false)
                .filter(e -> e.path("activityId").asText().equals("handle"))).hasSize(1);
        assertThat(taskId(FOOD_REVIEWER, id, "review")).isNotBlank();
    }

    @Test
    void aHandlerOfAnotherDepartmentCanNeitherSeeClaimNorCompleteTheTask() {
        long id = acceptedCase();
        String taskId = taskId(FOOD_HANDLER, id, "handle");
        String stranger = "xuli"; // 市场监管局登记注册处: same agency, other department, not dispatched
        assertThat(api.get(stranger, "/api/tasks").body().path("items").toString()).doesNotContain(taskId);
        for (Api.Response r : List.of(api.get(stranger, "/api/tasks/" + taskId),
                api.post(stranger, "/api/tasks/" + taskId + "/claim", null),
                api.post(stranger, "/api/tasks/" + taskId + "/complete", Map.of("decision", "GRANT")),
                api.get(stranger, "/api/cases/" + id),
                api.get(FIRE_HANDLER, "/api/tasks/" + taskId))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().toString()).doesNotContain("杭州知味小馆").doesNotContain(Fixtures.RESTAURANT_CREDIT_CODE);
        }
        // a clerk cannot register a supplement as a handler could not create a case
        assertThat(api.post(FOOD_HANDLER, "/api/cases", Fixtures.aRestaurantOpeningCase()).status()).isEqualTo(403);
        assertThat(api.get(FOOD_HANDLER, "/api/tasks/" + taskId).status()).isEqualTo(200);
    }

    @Test
    void badInputGetsProblemDetailsAndChangesNothing() {
        long before = api.get(WINDOW_CLERK, "/api/tasks").body().path("total").asLong();
        Api.Response badId = api.post(WINDOW_CLERK, "/api/cases", Map.of("bundleCode", "OPEN_RESTAURANT",
                "applicantType", "ENTERPRISE", "applicantName", "某公司", "applicantIdNumber", "91330106MA2K888801"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badId.body().path("errors").path("applicantIdNumber").asText()).contains("统一社会信用代码");

        assertThat(api.post(WINDOW_CLERK, "/api/cases", "{not json").status()).isEqualTo(400);
        assertThat(api.post(WINDOW_CLERK, "/api/cases", Map.of("matterCodes", List.of("NO_SUCH_MATTER"),
                "applicantType", "PERSON", "applicantName", "王", "applicantIdNumber", Fixtures.CITIZEN_ID))
                .body().path("detail").asText()).contains("NO_SUCH_MATTER");
        assertThat(api.post(WINDOW_CLERK, "/api/cases", Map.of("bundleCode", "OPEN_RESTAURANT",
                "applicantType", "ALIEN", "applicantName", "x", "applicantIdNumber", "x")).status()).isEqualTo(400);
        assertThat(api.get(WINDOW_CLERK, "/api/tasks").body().path("total").asLong()).isEqualTo(before);

        long id = acceptedCase();
        String taskId = taskId(FOOD_HANDLER, id, "handle");
        Api.Response badDecision = api.post(FOOD_HANDLER, "/api/tasks/" + taskId + "/complete",
                Map.of("decision", "PERHAPS"));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.body().path("errors").path("decision").asText()).contains("GRANT");
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + taskId + "/complete", Map.of("decision", "DENY"))
                .status()).isEqualTo(400); // a denial needs its reason
        assertThat(api.get(FOOD_HANDLER, "/api/tasks/" + taskId).body().path("assignee").isMissingNode()).isTrue();
        assertThat(api.get(WINDOW_CLERK, "/api/tasks?size=1000").status()).isEqualTo(400);
    }

    @Test
    void supplementRequestedByADepartmentIsRegisteredAtTheWindow() {
        long id = acceptedCase();
        complete(FOOD_HANDLER, id, "handle", "SUPPLEMENT", "请补充从业人员健康证明");
        assertThat(api.post(WINDOW_CLERK, "/api/cases/" + id + "/supplements",
                Map.of("departmentCode", "SJ_FOOD", "note", "已补交")).status()).isEqualTo(200);
        JsonNode view = api.get(WINDOW_CLERK, "/api/cases/" + id).body();
        assertThat(view.path("timeline").toString()).contains("registerSupplement");
        assertThat(taskId(FOOD_HANDLER, id, "handle")).isNotBlank();
        assertThat(api.post(WINDOW_CLERK, "/api/cases/" + id + "/supplements", Map.of("note", "again")).status())
                .isEqualTo(409);
    }

    private long acceptedCase() {
        long id = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aRestaurantOpeningCase()).body().path("id").asLong();
        complete(WINDOW_CLERK, id, "intake", "ACCEPT", null);
        return id;
    }

    private void grant(long id, String handler, String reviewer, String leader) {
        complete(handler, id, "handle", "GRANT", "经审查，符合条件");
        complete(reviewer, id, "review", "GRANT", "同意");
        if (leader != null) {
            complete(leader, id, "leaderApproval", "GRANT", "同意");
        }
    }

    private void complete(String user, long caseId, String activityId, String decision, String opinion) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        body.put("opinion", opinion);
        Api.Response r = api.post(user, "/api/tasks/" + taskId(user, caseId, activityId) + "/complete", body);
        assertThat(r.status()).as("%s completes %s: %s", user, activityId, r.body()).isEqualTo(204);
    }

    private String taskId(String user, long caseId, String activityId) {
        JsonNode items = api.get(user, "/api/tasks?size=100").body().path("items");
        List<String> ids = StreamSupport.stream(items.spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId
                        && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).toList();
        assertThat(ids).as("%s's %s task on case %d", user, activityId, caseId).hasSize(1);
        return ids.get(0);
    }
}
