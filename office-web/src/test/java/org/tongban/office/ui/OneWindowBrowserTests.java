package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;

/**
 * The office in a real headless Chromium: a 开办餐饮店 application taken in at the window with a 容缺 material,
 * handled by the food department on the desktop and approved on a phone, the other departments driven through the
 * API to keep it short, then collected and delivered at the window; the case diagram highlights where the case
 * has been. Four people act in the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneWindowBrowserTests {

    private static final String APPLICANT = "杭州浏览器测试餐饮有限公司";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aRestaurantCaseGoesFromTheWindowToClosedInTheBrowser() {
        long caseId;
        try (Browser clerk = new Browser(port, Browser.DESKTOP)) {
            clerk.open("/workbench"); // not signed in: the login page
            clerk.find(By.id("login-submit"));
            assertThat(clerk.path()).startsWith("/login");
            clerk.screenshot("01-login");

            clerk.logIn(WINDOW_CLERK, PASSWORD);
            clerk.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='窗口受理']"));
            clerk.click(By.xpath("//*[@id='bundle']/ancestor::div[contains(@class,'el-select__wrapper')]"));
            clerk.click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space()='开办餐饮店']"));
            clerk.type(By.id("applicantName"), APPLICANT);
            clerk.type(By.id("applicantIdNumber"), Fixtures.RESTAURANT_CREDIT_CODE);
            clerk.type(By.id("applicantPhone"), "0571-88000000");
            clerk.click(By.cssSelector("[data-material='FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS']"));
            // a key material cannot be marked 容缺
            assertThat(clerk.all(By.cssSelector("[data-material='FOOD_BUSINESS_LICENSE/BUSINESS_LICENSE']"))).isEmpty();
            clerk.click(By.xpath("//button[@class='phrase'][normalize-space()='材料齐全，符合法定条件，予以办理。']"));
            assertThat(clerk.find(By.id("intake-opinion")).getDomProperty("value")).isEqualTo("材料齐全，符合法定条件，予以办理。");
            assertThat(clerk.find(By.id("intake-submit")).getText()).isEqualTo("收件并受理");
            clerk.text("容缺受理（1 项待补）");
            clerk.screenshot("03-intake");
            clerk.click(By.id("intake-submit"));
            clerk.text("已受理，办件已分送各部门");
            // the applicant's verification code, shown this once to be printed on the receipt
            assertThat(clerk.find(By.id("access-code")).getText()).containsPattern("查询码 [2-9A-Z]{6}");

            clerk.click(By.id("open-case"));
            clerk.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
            caseId = Long.parseLong(clerk.path().replace("/cases/", ""));
            clerk.find(By.xpath("//*[@data-testid='case-status'][normalize-space()='审查中']"));
            clerk.text("容缺待补");
            assertThat(clerk.find(By.tagName("main")).getText()).contains(APPLICANT, "一窗受理", "材料齐全，符合法定条件，予以办理。");
            logOut(clerk);
        }

        JsonNode accepted = api.get(WINDOW_CLERK, "/api/cases/" + caseId).body();
        assertThat(accepted.path("intakeDecision").asText()).isEqualTo("ACCEPT_WITH_PENDING");
        assertThat(accepted.path("materials").toString()).contains("\"code\":\"STAFF_HEALTH_CERTS\",\"name\":\"从业人员健康证明\",\"keyMaterial\":false,\"status\":\"PENDING\"");

        try (Browser handler = new Browser(port, Browser.DESKTOP)) {
            handler.logIn(FOOD_HANDLER, PASSWORD);
            handler.find(By.xpath("//tr[.//a[normalize-space()='承办']][.//*[contains(normalize-space(.), '" + APPLICANT
                    + "')]]"));
            handler.text("件待办");
            handler.screenshot("02-workbench");
            openTaskOf(handler, "承办");
            WebElement diagram = handler.find(By.cssSelector("[data-testid='case-diagram'][data-ready='true']"));
            assertThat(handler.all(By.cssSelector("[data-element-id='intake'].tb-done"))).hasSize(1);
            assertThat(handler.all(By.cssSelector("[data-element-id='dispatch'].tb-done"))).hasSize(1);
            assertThat(handler.all(By.cssSelector("[data-element-id='handle'].tb-active"))).hasSize(1);
            assertThat(handler.all(By.cssSelector("[data-element-id='departmentReview'].tb-active-container")))
                    .hasSize(1);
            assertThat(handler.all(By.cssSelector("[data-element-id='deliver'].tb-done, [data-element-id='deliver'].tb-active")))
                    .isEmpty();
            assertThat(diagram.getDomAttribute("aria-label")).contains("已办：收件、一窗受理").contains("当前：").contains("承办");
            handler.click(By.xpath("//button[@class='phrase'][normalize-space()='情况属实，拟同意。']"));
            handler.screenshot("04-task");
            handler.screenshot("05-diagram", By.cssSelector("[data-testid='case-diagram']"));
            handler.click(By.cssSelector("button[data-decision='GRANT']"));
            handler.find(By.cssSelector("[data-testid='task-done']"));
        }

        try (Browser phone = new Browser(port, Browser.PHONE)) {
            phone.logIn(FOOD_REVIEWER, PASSWORD);
            assertThat(phone.script("return window.innerWidth")).isEqualTo(390L);
            phone.find(By.cssSelector(".van-tabbar"));
            phone.text("待办");
            WebElement item = phone.find(By.xpath("//*[contains(@class,'todo-item')][.//*[normalize-space()='审核']]"
                    + "[.//*[contains(normalize-space(.), '" + APPLICANT + "')]]"));
            phone.screenshot("06-mobile-todo");
            item.click();
            phone.find(By.cssSelector("button[data-decision='GRANT']"));
            phone.text(APPLICANT);
            // the timeline is folded: one tap opens it, with the handler's step
            phone.click(By.xpath("//*[contains(@class,'van-collapse-item__title')][.//*[normalize-space()='办理过程']]"));
            phone.find(By.xpath("//*[contains(@class,'van-step')][contains(normalize-space(.), '承办')]"
                    + "[contains(normalize-space(.), '李强')]"));
            phone.click(By.xpath("//*[contains(@class,'phrase')][normalize-space()='同意。']"));
            assertThat(phone.find(By.cssSelector("#m-opinion")).getDomProperty("value")).isEqualTo("同意。");
            phone.screenshot("07-mobile-task");
            phone.click(By.cssSelector("button[data-decision='GRANT']"));
            phone.find(By.cssSelector("[data-testid='task-done']"));
            phone.text("已办理：同意");
        }

        complete(FOOD_LEADER, caseId, "leaderApproval", "GRANT");
        for (String[] people : List.of(new String[] {FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER},
                new String[] {ENV_HANDLER, ENV_REVIEWER, null}, new String[] {CITY_HANDLER, CITY_REVIEWER, null})) {
            complete(people[0], caseId, "handle", "GRANT");
            complete(people[1], caseId, "review", "GRANT");
            if (people[2] != null) {
                complete(people[2], caseId, "leaderApproval", "GRANT");
            }
        }

        try (Browser window = new Browser(port, Browser.DESKTOP)) {
            window.logIn(WINDOW_CLERK_2, PASSWORD);
            openTaskOf(window, "容缺材料补齐");
            window.click(By.cssSelector("button[data-decision='COMPLETE']"));
            window.text("已办理：办理完成");
            window.click(By.id("back-to-workbench"));
            openTaskOf(window, "送达");
            window.type(By.id("opinion"), "电子证照已推送，纸质证照窗口领取");
            window.click(By.cssSelector("button[data-decision='COMPLETE']"));
            window.find(By.cssSelector("[data-testid='task-done']"));
            window.click(By.linkText("查看办件"));
            window.find(By.xpath("//*[@data-testid='case-status'][normalize-space()='已办结']"));
            window.text("准予许可");
            WebElement diagram = window.find(By.cssSelector("[data-testid='case-diagram'][data-ready='true']"));
            assertThat(window.all(By.cssSelector(".djs-element.tb-active, .djs-element.tb-active-container"))).isEmpty();
            assertThat(window.all(By.cssSelector("[data-element-id='closed'].tb-done"))).hasSize(1);
            assertThat(diagram.getDomAttribute("aria-label")).contains("当前：无（流程已结束）");
            window.screenshot("08-case-closed");
            assertThat(window.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
        }

        JsonNode closed = api.get(WINDOW_CLERK, "/api/cases/" + caseId).body();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("outcome").asText()).isEqualTo("GRANTED");
        List<String> timeline = StreamSupport.stream(closed.path("timeline").spliterator(), false)
                .map(e -> e.path("activityId").asText() + "/" + e.path("actor").asText()).toList();
        assertThat(timeline).contains("intake/" + WINDOW_CLERK, "handle/" + FOOD_HANDLER, "review/" + FOOD_REVIEWER,
                "collectPendingMaterials/" + WINDOW_CLERK_2, "deliver/" + WINDOW_CLERK_2);
        assertThat(closed.path("materials").toString()).contains("SUPPLEMENTED").doesNotContain("PENDING");
    }

    /** From the workbench, the task of that name on this test's case. */
    private static void openTaskOf(Browser browser, String taskName) {
        browser.open("/workbench");
        browser.click(By.xpath("//tr[.//a[normalize-space()='" + taskName + "']]"
                + "[.//*[contains(normalize-space(.), '" + APPLICANT + "')]]//a[contains(@class,'task-link')]"));
        browser.until(ExpectedConditions.urlMatches("/tasks/[^/]+$"));
        browser.find(By.xpath("//h1[contains(normalize-space(.), '" + taskName + "')]"));
        browser.text(APPLICANT);
    }

    private static void logOut(Browser browser) {
        browser.click(By.xpath("//button[normalize-space()='退出']"));
        browser.until(ExpectedConditions.urlContains("/login"));
        browser.text("您已安全退出");
        assertThat(browser.sessionStorage()).isEmpty();
    }

    private void complete(String user, long caseId, String activityId, String decision) {
        JsonNode items = api.get(user, "/api/tasks?size=100").body().path("items");
        String taskId = StreamSupport.stream(items.spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId
                        && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).findFirst().orElseThrow(() ->
                        new AssertionError(user + " has no " + activityId + " task on case " + caseId));
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("opinion", "同意");
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", body).status()).isEqualTo(204);
    }
}
