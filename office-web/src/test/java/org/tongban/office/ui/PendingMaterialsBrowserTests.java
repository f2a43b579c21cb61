package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.cases.ApplicantType;
import org.tongban.engine.cases.CaseForm;
import org.tongban.engine.cases.PendingMaterialsLedger;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;
import org.tongban.office.testsupport.CaseFlow;

/**
 * The window's side of 最多跑一次 in a real headless Chromium: the 容缺台账 with a case refused at its deadline (户外招牌设置
 * says REFUSE), one escalated (食品经营许可 says ESCALATE) and one still within its time, each marked; from the ledger
 * to a case, where the clerk records a trip; the supervisor's dashboard shows the one-trip share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PendingMaterialsBrowserTests {

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

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void theLedgerMarksRefusedEscalatedAndOpenCasesAndTheClerkRecordsATrip() {
        long refused = pendingCase(new CaseForm(null, List.of("OUTDOOR_SIGN_SETUP"), ApplicantType.PERSON, "钱招牌",
                Fixtures.CITIZEN_ID, "13812345678"), "OUTDOOR_SIGN_SETUP/PROPERTY_CONSENT");
        long escalated = pendingCase(aFoodCaseOf("孙小美"), "FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS");
        // a month on, the poll finds both past their deadline; then back to today for the third and the browser
        time.set(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(30)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        assertThat(ledger.escalateDue()).isGreaterThanOrEqualTo(2);
        time.reset();
        long open = pendingCase(aFoodCaseOf("周大福"), "FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS");
        String openNumber = api.get(WINDOW_CLERK, "/api/cases/" + open).body().path("caseNumber").asText();

        try (Browser zhangli = new Browser(port, Browser.DESKTOP)) {
            zhangli.logIn(WINDOW_CLERK, PASSWORD);
            zhangli.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='容缺台账']"));
            zhangli.until(ExpectedConditions.urlContains("/pending-materials"));
            assertThat(row(zhangli, refused).getText()).contains("钱招牌", "户外招牌设置", "产权人同意设置证明", "逾期终止办理");
            assertThat(state(zhangli, refused)).isEqualTo("REFUSED");
            assertThat(row(zhangli, refused).getDomAttribute("class")).contains("row-refused");
            assertThat(row(zhangli, escalated).getText()).contains("食品经营许可", "从业人员健康证明", "逾期升级督办");
            assertThat(state(zhangli, escalated)).isEqualTo("ESCALATED");
            assertThat(row(zhangli, open).getText()).contains(openNumber, "周大福");
            assertThat(state(zhangli, open)).isEqualTo("OPEN");
            zhangli.screenshot("23-pending-materials");
            // 已逾期: past the deadline, escalated or refused; the open one leaves the list
            zhangli.click(By.xpath("//label[contains(@class,'el-radio-button')][starts-with(normalize-space(), '已逾期')]"));
            zhangli.until(d -> d.findElements(By.cssSelector("a.case-link[data-case='" + open + "']")).isEmpty());
            assertThat(state(zhangli, refused)).isEqualTo("REFUSED");
            assertThat(state(zhangli, escalated)).isEqualTo("ESCALATED");
            zhangli.click(By.xpath("//label[contains(@class,'el-radio-button')][starts-with(normalize-space(), '全部')]"));

            // from the ledger to the case: one trip so far (收件); the applicant comes again
            zhangli.click(By.cssSelector("a.case-link[data-case='" + open + "']"));
            zhangli.until(ExpectedConditions.urlMatches("/cases/" + open + "$"));
            zhangli.find(By.xpath("//*[@data-testid='visit-count'][contains(normalize-space(.), '共跑动 1 次')]"));
            zhangli.type(By.id("visit-note"), "咨询健康证明的办理地点");
            zhangli.click(By.xpath("//*[@id='visit-purpose']/ancestor::div[contains(@class,'el-select__wrapper')]"));
            zhangli.click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space()='咨询']"));
            zhangli.click(By.id("visit-submit"));
            zhangli.find(By.xpath("//*[@data-testid='visit-count'][contains(normalize-space(.), '共跑动 2 次')]"));
            zhangli.text("咨询健康证明的办理地点");
            zhangli.screenshot("24-case-visits", By.id("case-visits"));
            assertThat(zhangli.consoleErrors()).isEmpty();
        }
        assertThat(api.get(WINDOW_CLERK, "/api/cases/" + open).body().path("visits").findValuesAsText("purpose"))
                .containsExactly("APPLY", "ENQUIRY");

        try (Browser heping = new Browser(port, Browser.DESKTOP)) {
            heping.logIn(SUPERVISOR, PASSWORD);
            heping.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='督办']"));
            assertThat(heping.find(By.id("one-trip-share")).getText()).contains("最多跑一次");
            heping.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='容缺台账']"));
            assertThat(state(heping, refused)).isEqualTo("REFUSED");
            assertThat(heping.all(By.id("visit-submit"))).isEmpty();
        }
        try (Browser liqiang = new Browser(port, Browser.DESKTOP)) {
            liqiang.logIn(FOOD_HANDLER, PASSWORD);
            liqiang.find(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='工作台']"));
            assertThat(liqiang.all(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='容缺台账']")))
                    .as("a handler has no ledger").isEmpty();
        }
    }

    private static CaseForm aFoodCaseOf(String applicant) {
        return new CaseForm(null, List.of("FOOD_BUSINESS_LICENSE"), ApplicantType.PERSON, applicant, Fixtures.CITIZEN_ID,
                "13900000000");
    }

    /** A case received and accepted at the window with one material missing (容缺受理). */
    private long pendingCase(CaseForm form, String missing) {
        long id = api.post(WINDOW_CLERK, "/api/cases", form).body().path("id").asLong();
        Api.Response accepted = api.post(WINDOW_CLERK, "/api/tasks/" + flow.taskId(WINDOW_CLERK, id, "intake")
                + "/complete", Map.of("decision", "ACCEPT_WITH_PENDING", "opinion", "容缺受理",
                "pendingMaterials", List.of(missing)));
        assertThat(accepted.status()).isEqualTo(204);
        return id;
    }

    private static WebElement row(Browser browser, long caseId) {
        return browser.find(By.xpath("//a[@data-case='" + caseId + "']/ancestor::tr"));
    }

    private static String state(Browser browser, long caseId) {
        return row(browser, caseId).findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state");
    }
}
