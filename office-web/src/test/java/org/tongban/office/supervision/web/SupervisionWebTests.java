package org.tongban.office.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.office.testsupport.Api;

/**
 * 督查督办 and the supervisor's dashboard over HTTP on a real port: supervisors read across agencies, units only
 * their own items (404 otherwise); lights follow the engine's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionWebTests {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    Api api;
    EngineTime time;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        time = new EngineTime(managementService);
        time.set("2026-03-02T09:00");
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void supervisorOpensAnItemAndTheUnitsWorkOnItThroughTheApi() {
        Api.Response bad = api.post(SUPERVISOR, "/api/supervision/items", Map.of("source", "MEETING",
                "dueDate", "2026-03-21"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").path("title").isMissingNode()).isFalse();
        assertThat(bad.body().path("errors").path("dueDate").asText()).contains("不是工作日");
        assertThat(api.post(FOOD_HANDLER, "/api/supervision/items", item("无权立项", List.of())).status()).isEqualTo(403);

        Api.Response created = api.post(SUPERVISOR, "/api/supervision/items", item("夜市周边环境整治",
                List.of(subItem("SJ_FOOD", "2026-03-13"), subItem("XF_FIRE", "2026-03-16"))));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/supervision/items/" + id);
        assertThat(created.body().path("status").asText()).isEqualTo("IN_PROGRESS");

        // the unit's report task is in its todo list, due on the sub-item's deadline
        JsonNode report = task(FOOD_HANDLER, id, "report");
        assertThat(report.path("dueAt").asText()).isEqualTo("2026-03-13T09:30:00Z");
        assertThat(report.path("decisions").toString()).contains("PROGRESS", "REQUEST_CLOSE");
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + report.path("id").asText() + "/complete",
                Map.of("decision", "REQUEST_CLOSE", "opinion", "已完成摊位食品安全检查")).status()).isEqualTo(204);
        JsonNode review = task(SUPERVISOR, id, "reviewFeedback");
        assertThat(api.post(SUPERVISOR, "/api/tasks/" + review.path("id").asText() + "/complete",
                Map.of("decision", "ACCEPT")).status()).isEqualTo(204);

        JsonNode food = api.get(FOOD_HANDLER, "/api/supervision/items/" + id).body();
        assertThat(food.path("subItems")).hasSize(1);
        assertThat(food.path("subItems").get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(food.path("subItems").get(0).path("feedback").get(0).path("reviewDecision").asText()).isEqualTo("ACCEPT");
        assertThat(api.get(SUPERVISOR, "/api/supervision/items/" + id).body().path("subItems")).hasSize(2);
        assertThat(api.get(REGISTRATION_CLERK, "/api/supervision/items/" + id).status()).isEqualTo(404);
        assertThat(api.get(FOOD_HANDLER, "/api/supervision/items/999999999").status()).isEqualTo(404);

        assertThat(api.post(SUPERVISOR, "/api/supervision/items/" + id + "/sub-items",
                subItem("CG_CITYSCAPE", "2026-03-13")).status()).as("already assigned").isEqualTo(409);
        assertThat(api.post(FIRE_HANDLER, "/api/supervision/items/" + id + "/urge", Map.of("note", "x")).status())
                .isEqualTo(403);
        assertThat(api.post(SUPERVISOR, "/api/supervision/items/" + id + "/urge", Map.of("note", "请本周反馈"))
                .status()).isEqualTo(200);
        List<String> fireNotices = StreamSupport.stream(api.get(FIRE_HANDLER, "/api/notifications?size=100").body().path("items")
                        .spliterator(), false)
                .filter(n -> n.path("subjectId").asLong() == id).map(n -> n.path("type").asText()).toList();
        assertThat(fireNotices).contains("ASSIGNED", "URGED");
    }

    @Test
    void dashboardShowsEveryAgencysLightsToSupervisorsAndOnlyTheirOwnToUnits() {
        long id = api.post(SUPERVISOR, "/api/supervision/items", item("学校周边食品安全整治",
                List.of(subItem("SJ_FOOD", "2026-03-04"), subItem("XF_FIRE", "2026-03-20")))).body().path("id").asLong();

        time.set("2026-03-04T12:00"); // food's 2.5 working days are two-thirds used
        assertThat(lightOf(SUPERVISOR, id, "SJ_FOOD", "")).isEqualTo("YELLOW");
        time.set("2026-03-05T09:00");
        assertThat(lightOf(SUPERVISOR, id, "SJ_FOOD", "")).isEqualTo("RED");
        assertThat(lightOf(SUPERVISOR, id, "XF_FIRE", "")).isEqualTo("GREEN");

        assertThat(subItemsOf(SUPERVISOR, id, "&light=RED")).extracting(n -> n.path("departmentCode").asText())
                .containsExactly("SJ_FOOD");
        assertThat(subItemsOf(SUPERVISOR, id, "&agency=HZ_XF")).singleElement().satisfies(n -> {
            assertThat(n.path("departmentCode").asText()).isEqualTo("XF_FIRE");
            assertThat(n.path("agencyName").asText()).isEqualTo("杭州市消防救援支队");
            assertThat(n.path("source").asText()).isEqualTo("MEETING");
        });
        assertThat(subItemsOf(SUPERVISOR, id, "&dueFrom=2026-03-01&dueTo=2026-03-04")).hasSize(1);
        assertThat(subItemsOf(SUPERVISOR, id, "&source=INSTRUCTION")).isEmpty();

        // a unit sees its own, and another unit's department does not exist for it
        JsonNode mine = api.get(FOOD_HANDLER, "/api/supervision/dashboard?size=200").body();
        assertThat(mine.path("items")).isNotEmpty().allSatisfy(n ->
                assertThat(n.path("departmentCode").asText()).isEqualTo("SJ_FOOD"));
        assertThat(api.get(FOOD_HANDLER, "/api/supervision/dashboard?department=XF_FIRE").status()).isEqualTo(404);
        assertThat(api.get(FOOD_HANDLER, "/api/supervision/statistics?department=XF_FIRE").status()).isEqualTo(404);
        assertThat(api.get(SUPERVISOR, "/api/supervision/dashboard?department=NO_SUCH").status()).isEqualTo(400);
        assertThat(api.get(SUPERVISOR, "/api/supervision/dashboard?light=PURPLE").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/supervision/dashboard").status()).isEqualTo(401);
    }

    @Test
    void statisticsAndCsvExportsForExcel() {
        long id = api.post(SUPERVISOR, "/api/supervision/items", item("农贸市场\"菜篮子\"保供, 专项",
                List.of(subItem("CG_CITYSCAPE", "2026-03-06")))).body().path("id").asLong();
        time.set("2026-03-04T10:00");
        api.post(CITY_HANDLER, "/api/tasks/" + task(CITY_HANDLER, id, "report").path("id").asText() + "/complete",
                Map.of("decision", "REQUEST_CLOSE", "opinion", "已完成"));
        time.set("2026-03-04T11:00");
        api.post(SUPERVISOR, "/api/tasks/" + task(SUPERVISOR, id, "reviewFeedback").path("id").asText() + "/complete",
                Map.of("decision", "ACCEPT"));

        JsonNode byDepartment = api.get(SUPERVISOR,
                "/api/supervision/statistics?by=DEPARTMENT&from=2026-03-04&to=2026-03-04&department=CG_CITYSCAPE").body();
        assertThat(byDepartment).singleElement().satisfies(row -> {
            assertThat(row.path("name").asText()).isEqualTo("市容景观处");
            assertThat(row.path("finished").asLong()).isPositive();
            assertThat(row.path("onTimeRate").asDouble()).isEqualTo(1.0);
        });
        JsonNode bySteps = api.get(SUPERVISOR, "/api/supervision/statistics?by=STEP&from=2026-03-04&to=2026-03-04"
                + "&kind=SUPERVISION_TASK&department=CG_CITYSCAPE").body();
        assertThat(StreamSupport.stream(bySteps.spliterator(), false).map(r -> r.path("key").asText()))
                .contains("report", "reviewFeedback");
        assertThat(api.get(SUPERVISOR, "/api/supervision/statistics?from=2026-03-05&to=2026-03-01").status())
                .isEqualTo(400);

        Api.RawResponse csv = api.raw(SUPERVISOR, "/api/supervision/dashboard.csv?kind=SUPERVISION_ITEM",
                MediaType.parseMediaType("text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("督办看板.csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("类型,编号,标题,机关,部门,来源,时限（工作日）,开始,截止,灯,");
        assertThat(text).contains("督办事项,", "\"农贸市场\"\"菜篮子\"\"保供, 专项\"", "会议决定");

        Api.RawResponse stats = api.raw(SUPERVISOR, "/api/supervision/statistics.csv?by=AGENCY&from=2026-03-04"
                + "&to=2026-03-04", MediaType.parseMediaType("text/csv"));
        assertThat(stats.status()).isEqualTo(200);
        assertThat(new String(stats.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF机关代码,机关,办结数,按期,逾期办结,按期办结率")
                .contains("杭州市城市管理局");
        assertThat(api.raw(FOOD_HANDLER, "/api/supervision/dashboard.csv?department=CG_CITYSCAPE",
                MediaType.parseMediaType("text/csv")).status()).isEqualTo(404);
    }

    // --- helpers

    private static Map<String, Object> item(String title, List<Map<String, Object>> subItems) {
        return Map.of("title", title, "source", "MEETING", "sourceRef", "市政府专题会议纪要〔2026〕8号",
                "dueDate", "2026-03-20", "subItems", subItems);
    }

    private static Map<String, Object> subItem(String unit, String dueDate) {
        return Map.of("unitDepartment", unit, "requirement", "落实整治要求并按周反馈", "dueDate", dueDate);
    }

    private JsonNode task(String user, long itemId, String activityId) {
        JsonNode tasks = api.get(user, "/api/tasks?size=100").body().path("items");
        List<JsonNode> found = StreamSupport.stream(tasks.spliterator(), false)
                .filter(t -> "supervision".equals(t.path("processKey").asText())
                        && t.path("subject").path("id").asLong() == itemId
                        && activityId.equals(t.path("activityId").asText()))
                .toList();
        assertThat(found).as("%s's %s task of item %d", user, activityId, itemId).hasSize(1);
        return found.get(0);
    }

    /** The dashboard rows of the item's sub-items (number = the item's number). */
    private List<JsonNode> subItemsOf(String user, long itemId, String filter) {
        String number = api.get(SUPERVISOR, "/api/supervision/items/" + itemId).body().path("itemNumber").asText();
        Api.Response page = api.get(user, "/api/supervision/dashboard?kind=SUPERVISION_TASK&size=200" + filter);
        assertThat(page.status()).isEqualTo(200);
        return StreamSupport.stream(page.body().path("items").spliterator(), false)
                .filter(n -> number.equals(n.path("number").asText())).toList();
    }

    private String lightOf(String user, long itemId, String department, String filter) {
        return subItemsOf(user, itemId, filter).stream().filter(n -> department.equals(n.path("departmentCode").asText()))
                .findFirst().orElseThrow().path("light").asText();
    }
}
