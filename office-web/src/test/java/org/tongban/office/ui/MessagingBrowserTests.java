package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;

/**
 * 消息 and live notifications in two real browsers at once: a chat started from the address book reaches the other
 * person's open page without a reload, with the unread badge and the read receipt coming back; a task arriving at a
 * handler and a 催办 on it pop up as toasts and raise the bell's count while the workbench stays open, on the
 * desktop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingBrowserTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aMessageSentInOneBrowserAppearsInTheOtherWithoutReload() {
        String hello = "今晚消防值班请确认 " + UUID.randomUUID().toString().substring(0, 8);
        String reply = "收到，已确认 " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser zhouhao = new Browser(port, Browser.DESKTOP); Browser wujun = new Browser(port, Browser.DESKTOP)) {
            zhouhao.logIn(FIRE_HANDLER, PASSWORD);
            wujun.logIn(FIRE_REVIEWER, PASSWORD);
            wujun.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='消息']"));
            wujun.find(By.xpath("//h1[normalize-space()='消息']"));
            wujun.find(By.cssSelector("html[data-live='on']"));

            // 周浩 finds 吴军 in the address book and starts a chat
            zhouhao.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='通讯录']"));
            zhouhao.find(By.cssSelector(".el-tree-node"));
            zhouhao.type(By.id("contact-search"), "吴军");
            zhouhao.click(By.id("contact-search-submit"));
            zhouhao.click(By.cssSelector("[data-person='" + FIRE_REVIEWER + "']"));
            assertThat(zhouhao.find(By.cssSelector(".right")).getText()).contains("吴军", "消防");
            zhouhao.screenshot("11-contacts");
            zhouhao.click(By.id("contact-chat"));
            zhouhao.until(ExpectedConditions.urlMatches("/messages/\\d+$"));
            String conversation = zhouhao.path().replace("/messages/", "");
            zhouhao.find(By.cssSelector("html[data-live='on']"));
            zhouhao.type(By.id("message-input"), hello);
            zhouhao.click(By.id("message-send"));
            zhouhao.text(hello);
            assertThat(zhouhao.find(By.cssSelector(".msg.mine .receipt")).getText()).isEqualTo("未读");

            // 吴军's open page: the conversation appears with one unread, no reload
            By item = By.cssSelector("[data-conversation='" + conversation + "']");
            wujun.until(d -> wujun.find(item).getText().contains(hello));
            assertThat(wujun.find(item).findElement(By.cssSelector(".el-badge__content")).getText()).isEqualTo("1");
            wujun.click(item);
            wujun.text(hello);
            // reading it sends the receipt back to 周浩 live
            zhouhao.until(d -> zhouhao.find(By.cssSelector(".msg.mine .receipt")).getText().equals("已读"));
            wujun.until(d -> wujun.find(item).findElements(By.cssSelector(".el-badge__content")).isEmpty());

            // and the reply, marked 必达, reaches 周浩's open conversation
            wujun.type(By.id("message-input"), reply);
            wujun.click(By.cssSelector(".urgent-box"));
            wujun.click(By.id("message-send"));
            zhouhao.text(reply);
            zhouhao.find(By.xpath("//article[contains(@class,'theirs') and contains(@class,'urgent')]"
                    + "[contains(normalize-space(.), '" + reply + "')]"));
            // a must-reach message is announced with a toast and the bell
            zhouhao.find(By.cssSelector(".tb-toast.tb-toast-URGENT_MESSAGE"));
            zhouhao.screenshot("10-messages");

            assertThat(zhouhao.consoleErrors()).isEmpty();
            assertThat(wujun.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aTaskAndAnUrgeArePoppedUpLiveOnTheDesktopAndOnAPhone() {
        try (Browser wangfang = new Browser(port, Browser.DESKTOP); Browser liqiang = new Browser(port, Browser.PHONE)) {
            wangfang.logIn(FOOD_HANDLER_2, PASSWORD);
            liqiang.logIn(FOOD_HANDLER, PASSWORD);
            wangfang.find(By.cssSelector("html[data-live='on']"));
            int before = bell(wangfang);
            liqiang.find(By.cssSelector("html[data-live='on']"));

            // a case is taken in at the window: the food department's handlers are offered the handling task
            JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
            long caseId = created.path("id").asLong();
            String title = created.path("title").asText();
            String intake = created.path("openSteps").get(0).path("taskId").asText();
            assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete",
                    Map.of("decision", "ACCEPT")).status()).isEqualTo(204);

            assertThat(wangfang.find(By.cssSelector(".tb-toast.tb-toast-TASK_OFFERED")).getText()).contains(title);
            wangfang.until(d -> bell(wangfang) > before);
            liqiang.find(By.xpath("//*[contains(@class,'van-notify')][contains(normalize-space(.), '新待办')]"));

            // 催办 from the window: both handlers are urged
            String handle = taskId(FOOD_HANDLER, caseId, "handle");
            assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + handle + "/urge", Map.of("opinion", "申请人来电催问"))
                    .status()).isEqualTo(200);
            wangfang.find(By.cssSelector(".tb-toast.tb-toast-URGED"));
            liqiang.find(By.xpath("//*[contains(@class,'van-notify')][contains(normalize-space(.), '催办')]"));
            liqiang.find(By.cssSelector(".van-tabbar .van-badge"));
            wangfang.screenshot("12-toast");

            // the bell opens the notification centre; a notice opens its task
            wangfang.click(By.id("notification-bell"));
            wangfang.find(By.xpath("//h1[normalize-space()='通知']"));
            wangfang.find(By.xpath("//li[contains(@class,'notice') and contains(@class,'unread')]"
                    + "[contains(normalize-space(.), '催办')]"));
            wangfang.screenshot("13-notifications");
            wangfang.click(By.xpath("//li[contains(@class,'notice')][contains(normalize-space(.), '新待办')]"
                    + "[contains(normalize-space(.), '" + title + "')]//button"));
            wangfang.until(ExpectedConditions.urlMatches("/tasks/" + handle + "$"));

            liqiang.click(By.xpath("//*[contains(@class,'van-tabbar-item')][contains(normalize-space(.), '消息')]"));
            liqiang.click(By.xpath("//*[contains(@class,'van-cell')][contains(normalize-space(.), '通知')]"));
            liqiang.find(By.xpath("//li[contains(@class,'notice')][contains(normalize-space(.), '催办')]"));
            liqiang.screenshot("14-mobile-notifications");

            assertThat(wangfang.consoleErrors()).isEmpty();
            assertThat(liqiang.consoleErrors()).isEmpty();
        }
    }

    /** The bell's unread count (0 when the badge is hidden). */
    private static int bell(Browser browser) {
        List<org.openqa.selenium.WebElement> badge = browser.all(By.cssSelector("#notification-bell .el-badge__content"));
        if (badge.isEmpty() || !badge.get(0).isDisplayed()) {
            return 0;
        }
        String text = badge.get(0).getText().replace("+", "");
        return text.isBlank() ? 0 : Integer.parseInt(text);
    }

    private String taskId(String user, long caseId, String activityId) {
        List<String> ids = StreamSupport.stream(api.get(user, "/api/tasks?size=100").body().path("items").spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).toList();
        assertThat(ids).as("%s's %s task on case %d", user, activityId, caseId).hasSize(1);
        return ids.get(0);
    }
}
