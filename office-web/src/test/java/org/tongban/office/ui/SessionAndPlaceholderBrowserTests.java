package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;

/** Login errors and an ended session in the server's words; honest placeholders for what has not landed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionAndPlaceholderBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aWrongPasswordAndAnEndedSessionAreExplainedInTheServersWords() throws Exception {
        Api api = new Api(port);
        String wrongPassword = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", ENV_XIHU_REVIEWER, "password", "wrong-password")).body().path("detail").asText();
        assertThat(wrongPassword).isNotBlank();

        try (Browser browser = new Browser(port, Browser.DESKTOP)) {
            browser.open("/login");
            browser.type(By.id("username"), ENV_XIHU_REVIEWER);
            browser.type(By.id("password"), "wrong-password");
            browser.click(By.id("login-submit"));
            assertThat(browser.find(By.id("login-error")).getText()).isEqualTo(wrongPassword);
            assertThat(browser.sessionStorage()).isEmpty();

            browser.logIn(WINDOW_CLERK, PASSWORD);
            browser.open("/intake");
            browser.find(By.id("applicantName"));
            // the session ends on the server (here: logged out elsewhere with the same token)
            String token = new ObjectMapper().readTree((String) browser.sessionStorage().get("tongban.session"))
                    .path("token").asText();
            assertThat(api.call(HttpMethod.POST, "/api/auth/logout", token, null).status()).isEqualTo(204);
            String ended = api.call(HttpMethod.GET, "/api/tasks", token, null).body().path("detail").asText();
            assertThat(ended).isNotBlank();

            browser.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='工作台']"));
            browser.until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.find(By.cssSelector("[role='alert']")).getText()).contains(ended);
            assertThat(browser.sessionStorage()).isEmpty();

            // signing in again returns to where one was
            browser.open("/intake");
            browser.until(ExpectedConditions.urlContains("/login?redirect=/intake"));
            browser.type(By.id("username"), WINDOW_CLERK);
            browser.type(By.id("password"), PASSWORD);
            browser.click(By.id("login-submit"));
            browser.until(ExpectedConditions.urlMatches("/intake$"));
            browser.find(By.id("applicantName"));
        }
    }

    @Test
    void aHandlerSeesNeitherIntakeNorTheDesignerAndAMissingTaskIsTheServers404() {
        try (Browser browser = new Browser(port, Browser.DESKTOP)) {
            browser.logIn(FOOD_HANDLER, PASSWORD);
            // a handler is no window clerk: no intake in the menu
            assertThat(browser.all(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='窗口受理']")))
                    .isEmpty();
            // nor a designer: no 流程设计 (DesignerBrowserTests covers it)
            assertThat(browser.all(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='流程设计']")))
                    .isEmpty();
            // a task that does not exist (or is another department's) is the server's 404, in Chinese
            browser.open("/tasks/no-such-task");
            browser.find(By.xpath("//*[@role='alert'][contains(normalize-space(.), '不存在')]"));
        }
    }
}
