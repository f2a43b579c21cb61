package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;
import org.tongban.office.testsupport.CaseFlow;

/**
 * The applicant's page in a real headless Chromium, without logging in: a wrong code is refused in plain words, the
 * right one shows where the case stands; once the case is closed the applicant rates it poorly from a phone and
 * the rating reaches the office as a rectification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantStatusBrowserTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Waits for the look-up's answer and fails with the page's words when it is not a status. */
    private static void answered(Browser browser) {
        browser.until(d -> !d.findElements(By.id("status-result")).isEmpty()
                || !d.findElements(By.id("status-error")).isEmpty());
        if (browser.all(By.id("status-result")).isEmpty()) {
            browser.screenshot("failed-status");
            throw new AssertionError("no status shown: " + browser.find(By.tagName("main")).getText()
                    + " — code field: " + browser.find(By.id("access-code")).getDomProperty("value"));
        }
    }

    @Test
    void anApplicantFollowsTheCaseAndRatesItWithoutAnAccount() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long id = created.path("id").asLong();
        String number = created.path("caseNumber").asText();
        String code = created.path("accessCode").asText();

        try (Browser applicant = new Browser(port, Browser.DESKTOP)) {
            applicant.open("/status");
            applicant.find(By.id("status-form"));
            assertThat(applicant.path()).as("no login asked").isEqualTo("/status");
            assertThat(applicant.all(By.cssSelector(".el-menu"))).as("no office menu").isEmpty();
            applicant.type(By.id("case-number"), number);
            applicant.type(By.id("access-code"), code.equals("222222") ? "333333" : "222222");
            applicant.click(By.id("status-submit"));
            assertThat(applicant.find(By.id("status-error")).getText()).isEqualTo("办件编号或查询码不正确");

            // select and overtype: the field is full (six characters) and Vue keeps its value through clear()
            applicant.find(By.id("access-code")).sendKeys(Keys.chord(Keys.CONTROL, "a"), code.toLowerCase());
            applicant.click(By.id("status-submit"));
            answered(applicant);
            assertThat(applicant.find(By.id("status-label")).getText()).isEqualTo("待受理");
            assertThat(applicant.find(By.id("status-steps")).getText()).isEqualTo("一窗受理");
            assertThat(applicant.find(By.id("status-next")).getText()).contains("窗口");
            assertThat(applicant.find(By.tagName("main")).getText()).doesNotContain("𠮷祥", Fixtures.CITIZEN_ID);
            applicant.screenshot("20-public-status");
            assertThat(applicant.consoleErrors()).noneMatch(e -> e.contains("Content Security Policy"));
            assertThat(applicant.sessionStorage()).as("nothing kept in the tab").isEmpty();
        }

        new CaseFlow(api).runFoodLicenceToClosed(id);

        try (Browser phone = new Browser(port, Browser.PHONE)) {
            phone.open("/status");
            phone.type(By.id("case-number"), number);
            phone.type(By.id("access-code"), code);
            phone.click(By.id("status-submit"));
            answered(phone);
            assertThat(phone.find(By.id("status-label")).getText()).isEqualTo("已办结");
            phone.find(By.id("rating-form"));
            phone.click(By.cssSelector("#rating-score .el-rate__item:nth-child(2)"));
            phone.click(By.id("rating-submit"));
            assertThat(phone.find(By.id("rating-error")).getText()).contains("不满意的地方");
            phone.type(By.id("rating-comment"), "领证时等了一个多小时");
            phone.click(By.id("rating-submit"));
            phone.find(By.id("rating-done"));
            assertThat(phone.all(By.id("rating-form"))).isEmpty();
            phone.screenshot("21-public-rating");
        }

        JsonNode rating = api.get(WINDOW_CLERK, "/api/cases/" + id).body().path("rating");
        assertThat(rating.path("score").asInt()).isEqualTo(2);
        assertThat(rating.path("comment").asText()).isEqualTo("领证时等了一个多小时");
        assertThat(rating.path("rectificationItemId").asLong()).isPositive();
    }
}
