package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;

/**
 * The rest of the office in a real headless Chromium: the workbench's 已办 list with 撤回 and a 退回 from the task
 * page; a 督办 dashboard with its charts drilled down to an item's feedback; a 公文 drafted, revised and compared,
 * sent on, signed and previewed as its PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficeBrowserTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void doneListWithdrawAndSendBackFromTheWorkbench() {
        long first = acceptedFoodCase();
        String handle = taskId(FOOD_HANDLER, first, "handle");
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + handle + "/complete",
                Map.of("decision", "GRANT", "opinion", "经核查符合条件")).status()).isEqualTo(204);
        long second = acceptedFoodCase();
        String secondHandle = taskId(FOOD_HANDLER, second, "handle");
        String title = api.get(FOOD_HANDLER, "/api/cases/" + first).body().path("title").asText();

        try (Browser liqiang = new Browser(port, Browser.DESKTOP)) {
            liqiang.logIn(FOOD_HANDLER, PASSWORD);
            liqiang.find(By.cssSelector("#tab-todo .el-badge__content"));
            liqiang.click(By.id("tab-done"));
            liqiang.until(ExpectedConditions.urlContains("tab=done"));
            liqiang.find(By.xpath("//table//td[contains(normalize-space(.), '经核查符合条件')]"));
            liqiang.screenshot("15-workbench-done");
            // 撤回: the task comes back to my todo list
            liqiang.click(By.cssSelector("[data-withdraw='" + handle + "']"));
            liqiang.type(By.cssSelector(".el-message-box input"), "意见写错了");
            liqiang.click(By.xpath("//div[contains(@class,'el-message-box')]//button[normalize-space()='撤回']"));
            liqiang.text("已撤回，任务已回到待办");
            assertThat(taskIds(FOOD_HANDLER, first, "handle")).hasSize(1);

            // 退回 from the task page, to the window's intake
            liqiang.open("/tasks/" + secondHandle);
            liqiang.click(By.cssSelector("[data-op='send-back']"));
            liqiang.click(By.xpath("//*[@id='op-target']/ancestor::div[contains(@class,'el-select__wrapper')]"));
            liqiang.click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.), '一窗受理')]"));
            liqiang.type(By.id("op-text"), "申请书缺少法定代表人签字");
            liqiang.screenshot("16-send-back");
            liqiang.click(By.id("op-submit"));
            liqiang.find(By.xpath("//*[@data-testid='task-done'][contains(normalize-space(.), '已退回到')]"));
            assertThat(taskIds(FOOD_HANDLER, second, "handle")).isEmpty();
            assertThat(taskIds(WINDOW_CLERK, second, "intake")).hasSize(1);
            assertThat(liqiang.consoleErrors()).isEmpty();
        }
        assertThat(title).isNotBlank();
    }

    @Test
    void theSupervisionDashboardDrillsDownToAnItemsFeedback() {
        String title = "背街小巷环境整治（浏览器）";
        Api.Response created = api.post(SUPERVISOR, "/api/supervision/items", Map.of("title", title,
                "source", "INSTRUCTION", "sourceRef", "市长批示〔2026〕3号", "dueDate", workday(25).toString(),
                "subItems", List.of(Map.of("unitDepartment", "CG_CITYSCAPE", "requirement", "清理违规招牌",
                        "dueDate", workday(18).toString()))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        long item = created.body().path("id").asLong();
        String report = openStep(item, "report");
        assertThat(api.post(CITY_HANDLER, "/api/tasks/" + report + "/complete",
                Map.of("decision", "REQUEST_CLOSE", "opinion", "已清理招牌 42 处")).status()).isEqualTo(204);
        // the supervisor accepts: the sub-item is done on time, which the statistics count
        String review = openStep(item, "reviewFeedback");
        assertThat(api.post(SUPERVISOR, "/api/tasks/" + review + "/complete", Map.of("decision", "ACCEPT")).status())
                .isEqualTo(204);

        try (Browser heping = new Browser(port, Browser.DESKTOP)) {
            heping.logIn(SUPERVISOR, PASSWORD);
            heping.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='督办']"));
            heping.find(By.cssSelector(".chart-rate canvas"));
            heping.find(By.cssSelector(".chart-overdue canvas"));
            heping.find(By.cssSelector("[data-light='GREEN'] strong"));
            heping.screenshot("17-supervision");
            heping.click(By.xpath("//a[contains(@class,'drill')][normalize-space()='" + title + "']"));
            heping.until(ExpectedConditions.urlMatches("/supervision/items/" + item + "$"));
            heping.text("已清理招牌 42 处");
            assertThat(heping.find(By.cssSelector("[data-sub-item]")).getText()).contains("市容景观处", "清理违规招牌");
            heping.screenshot("18-supervision-item");
            assertThat(heping.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aDocumentIsDraftedRevisedComparedSignedAndPreviewed() {
        String title = "关于开展冬季食品安全专项检查的通知";
        try (Browser liqiang = new Browser(port, Browser.DESKTOP)) {
            liqiang.logIn(FOOD_HANDLER, PASSWORD);
            liqiang.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='公文']"));
            liqiang.click(By.id("doc-new"));
            liqiang.type(By.id("doc-title"), title);
            liqiang.type(By.id("doc-body"), "现将有关事项通知如下。\n# 检查范围\n全市餐饮服务单位。");
            liqiang.click(By.xpath("//*[@id='doc-main']/ancestor::div[contains(@class,'el-select__wrapper')]"));
            liqiang.click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space()='杭州市消防救援支队']"));
            liqiang.click(By.id("doc-title")); // closes the dropdown
            liqiang.click(By.id("doc-save"));
            liqiang.until(ExpectedConditions.urlMatches("/documents/\\d+$"));
            long id = Long.parseLong(liqiang.path().replace("/documents/", ""));
            liqiang.find(By.xpath("//*[@data-testid='doc-status'][normalize-space()='拟稿中']"));

            // a second version, compared with the first
            liqiang.click(By.id("doc-edit"));
            // select all and type over it, as a person would (clear() does not tell Vue the field changed)
            liqiang.find(By.id("doc-body")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE,
                    "现将有关事项通知如下。\n# 检查范围\n全市餐饮服务单位和学校食堂。");
            liqiang.click(By.id("doc-save"));
            // saved: the editor closes (its button also says "第 2 版") and the page shows the new version
            liqiang.until(d -> liqiang.all(By.id("doc-save")).isEmpty());
            liqiang.text("第 2 版");
            liqiang.click(By.xpath("//*[@role='tab'][normalize-space()='版本与比对']"));
            liqiang.click(By.id("doc-compare"));
            liqiang.screenshot("19-document-diff", By.cssSelector(".diff"));
            // the changed line, with the inserted characters marked
            liqiang.find(By.xpath("//*[contains(@class,'op-CHANGE')][contains(normalize-space(.), '学校食堂')]"
                    + "//*[contains(@class,'seg-INSERT')][contains(., '学')]"));

            liqiang.click(By.cssSelector("[data-step-decision='SUBMIT']"));
            liqiang.until(d -> liqiang.all(By.cssSelector("[data-step-decision='SUBMIT']")).isEmpty());
            step(FOOD_REVIEWER, id, "check", "AGREE");
            step(FOOD_AGENCY_OFFICE, id, "officeReview", "AGREE");
            step(FOOD_LEADER, id, "signOff", "SIGN");

            liqiang.open("/documents/" + id);
            assertThat(liqiang.find(By.cssSelector("[data-testid='doc-number']")).getText()).contains("〔");
            liqiang.click(By.xpath("//*[@role='tab'][normalize-space()='版式 PDF']"));
            liqiang.click(By.id("doc-pdf"));
            assertThat(liqiang.find(By.cssSelector("iframe.pdf")).getDomAttribute("src")).startsWith("blob:");
            liqiang.until(d -> {
                // give Chromium's PDF viewer a moment to draw the page before the picture
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            });
            liqiang.screenshot("20-document-pdf");
            assertThat(liqiang.consoleErrors()).isEmpty();
        }
    }

    /** A weekday about {@code days} from today (deadlines must fall on working days). */
    private static LocalDate workday(int days) {
        LocalDate date = LocalDate.now().plusDays(days);
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The task of an open step of a supervision item (as its detail lists them). */
    private String openStep(long item, String activityId) {
        JsonNode detail = api.get(SUPERVISOR, "/api/supervision/items/" + item).body();
        return StreamSupport.stream(detail.path("openSteps").spliterator(), false)
                .filter(t -> t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("taskId").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + activityId + " step: " + detail));
    }

    private void step(String user, long document, String step, String decision) {
        Api.Response r = api.post(user, "/api/documents/" + document + "/steps/" + step, Map.of("decision", decision));
        assertThat(r.status()).as("%s %s: %s", user, step, r.body()).isEqualTo(204);
    }

    private long acceptedFoodCase() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        String intake = created.path("openSteps").get(0).path("taskId").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT")).status())
                .isEqualTo(204);
        return created.path("id").asLong();
    }

    private String taskId(String user, long caseId, String activityId) {
        List<String> ids = taskIds(user, caseId, activityId);
        assertThat(ids).as("%s's %s task on case %d", user, activityId, caseId).hasSize(1);
        return ids.get(0);
    }

    private List<String> taskIds(String user, long caseId, String activityId) {
        return StreamSupport.stream(api.get(user, "/api/tasks?size=100").body().path("items").spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).toList();
    }
}
