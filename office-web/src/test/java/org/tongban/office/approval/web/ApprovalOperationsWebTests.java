package org.tongban.office.approval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.TestProcesses;
import org.tongban.office.testsupport.Api;

/** Every approval operation over HTTP on a real port, each with its refusal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalOperationsWebTests {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void transferMovesTheTaskAndStrangersGetNotFound() {
        String handle = handleOfNewFoodCase();
        assertThat(api.post(FIRE_HANDLER, "/api/tasks/" + handle + "/transfer", Map.of("username", FIRE_HANDLER)).status())
                .isEqualTo(404);
        Api.Response unknown = api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/transfer", Map.of("username", "nobody"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").path("username").asText()).isNotBlank();

        Api.Response moved = api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/transfer",
                Map.of("username", FOOD_HANDLER_2, "opinion", "请王芳办理"));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("assignee").asText()).isEqualTo(FOOD_HANDLER_2);
        assertThat(todoIds(FOOD_HANDLER)).doesNotContain(handle);
        assertThat(todoIds(FOOD_HANDLER_2)).contains(handle);
        assertThat(api.get(FOOD_HANDLER, "/api/workbench/done").body().path("items").toString()).contains(handle);
    }

    @Test
    void delegationComesBackAndTheOwnerCannotCompleteMeanwhile() {
        String handle = handleOfNewFoodCase();
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/claim", null).status()).isEqualTo(200);
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/delegate", Map.of("username", FOOD_HANDLER_RARE_NAME))
                .body().path("delegated").asBoolean()).isTrue();

        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/complete", Map.of("decision", "GRANT")).status())
                .isEqualTo(409);
        assertThat(api.post(FOOD_HANDLER_RARE_NAME, "/api/tasks/" + handle + "/resolve", Map.of()).status()).isEqualTo(400);
        Api.Response back = api.post(FOOD_HANDLER_RARE_NAME, "/api/tasks/" + handle + "/resolve",
                Map.of("opinion", "现场照片已核实"));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().path("assignee").asText()).isEqualTo(FOOD_HANDLER);
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/complete", Map.of("decision", "GRANT")).status())
                .isEqualTo(204);
    }

    @Test
    void sendBackNeedsAReasonAndMovesTheBranchBack() {
        long id = acceptedFoodCase();
        complete(FOOD_HANDLER, taskId(FOOD_HANDLER, id, "handle"), "GRANT", null);
        String review = taskId(FOOD_REVIEWER, id, "review");

        JsonNode targets = api.get(FOOD_REVIEWER, "/api/tasks/" + review + "/send-back-targets").body();
        assertThat(targets.findValuesAsText("activityId")).containsExactly("handle", "intake");
        assertThat(api.post(FOOD_REVIEWER, "/api/tasks/" + review + "/send-back", Map.of("targetActivityId", "handle"))
                .status()).isEqualTo(400);
        Api.Response moved = api.post(FOOD_REVIEWER, "/api/tasks/" + review + "/send-back",
                Map.of("targetActivityId", "handle", "reason", "核查记录缺签名"));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("stepName").asText()).isEqualTo("承办");
        assertThat(taskId(FOOD_HANDLER, id, "handle")).isEqualTo(moved.body().path("taskIds").get(0).asText());
        assertThat(api.get(FOOD_REVIEWER, "/api/tasks/" + review).status()).isEqualTo(404);
    }

    @Test
    void theSenderWithdrawsUntilTheNextStepIsClaimed() {
        long first = acceptedFoodCase();
        String handle = taskId(FOOD_HANDLER, first, "handle");
        complete(FOOD_HANDLER, handle, "GRANT", null);
        assertThat(api.post(FOOD_HANDLER_2, "/api/tasks/" + handle + "/withdraw", Map.of()).status()).isEqualTo(404);
        Api.Response withdrawn = api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/withdraw", Map.of("opinion", "写错了"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().path("activityId").asText()).isEqualTo("handle");

        long second = acceptedFoodCase();
        String next = taskId(FOOD_HANDLER, second, "handle");
        complete(FOOD_HANDLER, next, "GRANT", null);
        api.post(FOOD_REVIEWER, "/api/tasks/" + taskId(FOOD_REVIEWER, second, "review") + "/claim", null);
        Api.Response refused = api.post(FOOD_HANDLER, "/api/tasks/" + next + "/withdraw", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("签收");
    }

    @Test
    void countersignSignersAreAddedAndRemovedOverHttp() {
        String pid = TestProcesses.startSigning(runtime, TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER).getId();
        complete(FOOD_HANDLER, taskOf(FOOD_HANDLER, pid), null, "请会签");
        String mine = taskOf(FOOD_REVIEWER, pid);

        Api.Response added = api.post(FOOD_REVIEWER, "/api/tasks/" + mine + "/signers",
                Map.of("usernames", List.of(ENV_REVIEWER), "opinion", "请环保会签"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("signers").findValuesAsText("username"))
                .containsExactly(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        assertThat(api.post(FOOD_REVIEWER, "/api/tasks/" + mine + "/signers", Map.of("usernames", List.of(FIRE_REVIEWER)))
                .status()).isEqualTo(409);
        Api.Response removed = api.delete(FOOD_REVIEWER, "/api/tasks/" + mine + "/signers/" + FIRE_REVIEWER + "?opinion=不涉及");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("signers").findValuesAsText("username")).containsExactly(FOOD_REVIEWER, ENV_REVIEWER);

        assertThat(api.post(FOOD_REVIEWER, "/api/tasks/" + mine + "/complete", Map.of("decision", "DISAGREE")).status())
                .isEqualTo(400);
        complete(FOOD_REVIEWER, mine, "AGREE", null);
        complete(ENV_REVIEWER, taskOf(ENV_REVIEWER, pid), "AGREE", null);
        assertThat(api.get(FOOD_HANDLER, "/api/tasks?process=countersign-test&size=100").body().path("items")
                .findValuesAsText("processInstanceId")).contains(pid);
    }

    @Test
    void aCopyAppearsUnreadInTheRecipientsListAndCanBeRead() {
        String handle = handleOfNewFoodCase();
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/copies", Map.of("departmentCodes", List.of("NO_SUCH")))
                .status()).isEqualTo(400);
        Api.Response copied = api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/copies",
                Map.of("usernames", List.of(CITY_HANDLER), "note", "请知悉"));
        assertThat(copied.body().path("added").get(0).asText()).isEqualTo(CITY_HANDLER);

        JsonNode unread = api.get(CITY_HANDLER, "/api/workbench/copied?unread=true").body().path("items");
        JsonNode copy = StreamSupport.stream(unread.spliterator(), false)
                .filter(c -> c.path("taskId").asText().equals(handle)).findFirst().orElseThrow();
        assertThat(copy.path("read").asBoolean()).isFalse();
        long copyId = copy.path("id").asLong();
        assertThat(api.post(FIRE_HANDLER, "/api/workbench/copied/" + copyId + "/read", null).status()).isEqualTo(404);
        assertThat(api.post(CITY_HANDLER, "/api/workbench/copied/" + copyId + "/read", null).body().path("read").asBoolean())
                .isTrue();
        assertThat(api.get(CITY_HANDLER, "/api/cases/" + copy.path("subject").path("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void urgingTwiceWithinTheHourAnswers429WithRetryAfter() {
        String handle = handleOfNewFoodCase();
        Api.Response urged = api.post(WINDOW_CLERK, "/api/tasks/" + handle + "/urge", Map.of("opinion", "申请人催问"));
        assertThat(urged.status()).isEqualTo(200);
        assertThat(urged.body().path("recipients").toString()).contains(FOOD_HANDLER);
        // the people urged get a notice that leads to the task (pushed live like every notice)
        JsonNode notice = api.get(FOOD_HANDLER, "/api/notifications?unreadOnly=true").body().path("items").get(0);
        assertThat(notice.path("type").asText()).isEqualTo("URGED");
        assertThat(notice.path("link").asText()).isEqualTo("/tasks/" + handle);
        assertThat(notice.path("body").asText()).contains("申请人催问");

        Api.Response again = api.post(WINDOW_CLERK, "/api/tasks/" + handle + "/urge", null);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(again.body().path("detail").asText()).contains("每小时");
        assertThat(api.post(CITY_HANDLER, "/api/tasks/" + handle + "/urge", null).status()).isEqualTo(404);
    }

    @Test
    void phraseBookAddsListsAndDeletesOwnPhrasesOnly() {
        Api.Response added = api.post(FIRE_LEADER, "/api/phrases", Map.of("content", "消防设施符合规范，同意。"));
        assertThat(added.status()).isEqualTo(201);
        long id = added.body().path("id").asLong();
        JsonNode phrases = api.get(FIRE_LEADER, "/api/phrases").body();
        assertThat(phrases.get(0).path("content").asText()).isEqualTo("消防设施符合规范，同意。");
        assertThat(phrases.findValuesAsText("content")).contains("同意。");
        long defaultId = StreamSupport.stream(phrases.spliterator(), false).filter(p -> !p.path("own").asBoolean())
                .findFirst().orElseThrow().path("id").asLong();
        assertThat(api.delete(FIRE_LEADER, "/api/phrases/" + defaultId).status()).isEqualTo(404);
        assertThat(api.post(FIRE_LEADER, "/api/phrases", Map.of("content", "")).status()).isEqualTo(400);
        assertThat(api.delete(FIRE_LEADER, "/api/phrases/" + id).status()).isEqualTo(204);
    }

    @Test
    void aProxyIsSetListedRefusedWhenOverlappingAndCancelled() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Response created = api.post(CITY_REVIEWER, "/api/proxies", Map.of("standIn", ENV_XIHU_REVIEWER,
                "startsOn", today.toString(), "endsOn", today.plusDays(2).toString(), "note", "学习培训"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("active").asBoolean()).isTrue();
        assertThat(api.get(ENV_XIHU_REVIEWER, "/api/proxies").body().findValuesAsText("principal")).contains(CITY_REVIEWER);
        assertThat(api.post(CITY_REVIEWER, "/api/proxies", Map.of("standIn", ENV_REVIEWER, "startsOn", today.toString(),
                "endsOn", today.toString())).status()).isEqualTo(409);
        assertThat(api.post(CITY_REVIEWER, "/api/proxies", Map.of("standIn", CITY_REVIEWER, "startsOn", today.toString(),
                "endsOn", today.toString())).status()).isEqualTo(400);
        long id = created.body().path("id").asLong();
        assertThat(api.delete(ENV_XIHU_REVIEWER, "/api/proxies/" + id).status()).isEqualTo(404);
        assertThat(api.delete(CITY_REVIEWER, "/api/proxies/" + id).status()).isEqualTo(204);
    }

    @Test
    void batchApprovalAnswersPerTask() {
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = acceptedFoodCase();
            complete(FOOD_HANDLER, taskId(FOOD_HANDLER, id, "handle"), "GRANT", null);
            reviews.add(taskId(FOOD_REVIEWER, id, "review"));
        }
        Api.Response result = api.post(FOOD_REVIEWER, "/api/tasks/batch-complete",
                Map.of("taskIds", List.of(reviews.get(0), "missing", reviews.get(1)), "decision", "GRANT", "opinion", "同意"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().path("succeeded").asInt()).isEqualTo(2);
        assertThat(result.body().path("items").findValuesAsText("status")).containsExactly("204", "404", "204");
        assertThat(api.post(FOOD_REVIEWER, "/api/tasks/batch-complete", Map.of("taskIds", List.of())).status()).isEqualTo(400);
    }

    @Test
    void workbenchListsAndCountsAnswerAndRefuseBadParameters() {
        long id = acceptedFoodCase();
        JsonNode counts = api.get(FOOD_HANDLER, "/api/workbench/counts").body();
        assertThat(counts.path("todo").asLong()).isPositive();
        assertThat(api.get(WINDOW_CLERK, "/api/workbench/started?process=one-window-approval&matter=FOOD_BUSINESS_LICENSE")
                .body().path("items").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get(WINDOW_CLERK, "/api/workbench/done").body().path("total").asLong()).isPositive();
        assertThat(api.get(FOOD_HANDLER, "/api/tasks?due=OVERDUE").status()).isEqualTo(200);
        assertThat(api.get(FOOD_HANDLER, "/api/tasks?due=YESTERDAY").status()).isEqualTo(400);
        assertThat(api.get(FOOD_HANDLER, "/api/workbench/done?size=0").status()).isEqualTo(400);
        assertThat(api.call(org.springframework.http.HttpMethod.GET, "/api/workbench/counts", null, null).status()).isEqualTo(401);
    }

    @Test
    void twoSendBacksOfOneTaskAtTheSameMomentGetOneSuccessAndOneConflict() throws Exception {
        long id = acceptedFoodCase();
        complete(FOOD_HANDLER, taskId(FOOD_HANDLER, id, "handle"), "GRANT", null);
        String review = taskId(FOOD_REVIEWER, id, "review");
        api.token(FOOD_REVIEWER);
        api.token(ADMIN);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Response> responses = new ArrayList<>();
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (String user : List.of(FOOD_REVIEWER, ADMIN)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post(user, "/api/tasks/" + review + "/send-back",
                            Map.of("targetActivityId", "handle", "reason", user + " 退回"));
                }));
            }
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(taskId(FOOD_HANDLER, id, "handle")).isNotBlank();
    }

    private String handleOfNewFoodCase() {
        return taskId(FOOD_HANDLER, acceptedFoodCase(), "handle");
    }

    private long acceptedFoodCase() {
        long id = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body().path("id").asLong();
        complete(WINDOW_CLERK, taskId(WINDOW_CLERK, id, "intake"), "ACCEPT", null);
        return id;
    }

    private void complete(String user, String taskId, String decision, String opinion) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("opinion", opinion);
        Api.Response r = api.post(user, "/api/tasks/" + taskId + "/complete", body);
        assertThat(r.status()).as("%s completes %s: %s", user, taskId, r.body()).isEqualTo(204);
    }

    private String taskId(String user, long caseId, String activityId) {
        List<String> ids = StreamSupport.stream(api.get(user, "/api/tasks?size=100").body().path("items").spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).toList();
        assertThat(ids).as("%s's %s task on case %d", user, activityId, caseId).hasSize(1);
        return ids.get(0);
    }

    private String taskOf(String user, String processInstanceId) {
        return StreamSupport.stream(api.get(user, "/api/tasks?size=100").body().path("items").spliterator(), false)
                .filter(t -> t.path("processInstanceId").asText().equals(processInstanceId))
                .map(t -> t.path("id").asText()).findFirst().orElseThrow();
    }

    private List<String> todoIds(String user) {
        return api.get(user, "/api/tasks?size=100").body().path("items").findValuesAsText("id");
    }
}
