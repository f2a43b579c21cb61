package org.tongban.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/** The notification centre: one copy per person, groups expanded, unread counts, read by the recipient only. */
@SpringBootTest(classes = EngineTestApplication.class)
class NotificationIntegrationTests {

    @Autowired
    NotificationService notifications;
    @Autowired
    DirectoryService directory;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupAndItsMembersByNameGetOneCopyEach() {
        long before = notifications.unreadCount(actor(ENV_XIHU_HANDLER));
        List<NotificationsCreated.Delivery> sent = notifications.notify(
                Recipients.group("HJ_XIHU").and(Recipients.users(ENV_XIHU_HANDLER)), NotificationType.DOCUMENT_DISTRIBUTED,
                "关于做好汛期环境应急工作的通知", "/documents/7");
        assertThat(sent).extracting(NotificationsCreated.Delivery::username)
                .containsExactly(ENV_XIHU_REVIEWER, ENV_XIHU_HANDLER, "weidong"); // sorted by username
        assertThat(notifications.unreadCount(actor(ENV_XIHU_HANDLER))).isEqualTo(before + 1);
        NotificationView latest = notifications.list(actor(ENV_XIHU_HANDLER), true, 0, 1).items().get(0);
        assertThat(latest.type()).isEqualTo(NotificationType.DOCUMENT_DISTRIBUTED);
        assertThat(latest.link()).isEqualTo("/documents/7");
    }

    @Test
    void aNoticeToMoreThanOneStatementsWorthOfPeopleGivesEachTheirOwnStoredRow() {
        List<String> people = IntStream.range(0, 1201)
                .mapToObj(i -> String.format("bulk-%s-%04d", UUID.randomUUID().toString().substring(0, 8), i))
                .toList();
        List<NotificationsCreated.Delivery> sent = notifications.notify(Recipients.users(people),
                NotificationType.TASK_OFFERED, "新待办（待签收）：批量", "/tasks/9");
        assertThat(sent).hasSize(people.size());
        assertThat(sent.stream().map(d -> d.notification().id()).distinct()).hasSize(people.size());
        // each id handed out is the row stored for that person (ids are set back from one multi-row INSERT each)
        Map<Long, String> stored = new HashMap<>();
        jdbc.query("SELECT id, recipient_user FROM tb_notification WHERE recipient_user LIKE 'bulk-%'",
                rs -> { stored.put(rs.getLong(1), rs.getString(2)); });
        sent.forEach(d -> assertThat(stored.get(d.notification().id())).isEqualTo(d.username()));
    }

    @Test
    void onlyTheRecipientReadsOrMarksANotice() {
        long id = notifications.notify(Recipients.users(CITY_REVIEWER), NotificationType.URGED, "请尽快审核", "/tasks/1")
                .get(0).notification().id();
        assertThatThrownBy(() -> notifications.markRead(actor(CITY_HANDLER), id)).isInstanceOf(NotFoundException.class);
        assertThat(notifications.list(actor(CITY_HANDLER), false, 0, 100).items()).noneMatch(n -> n.id() == id);

        long unread = notifications.unreadCount(actor(CITY_REVIEWER));
        notifications.markRead(actor(CITY_REVIEWER), id);
        assertThat(notifications.unreadCount(actor(CITY_REVIEWER))).isEqualTo(unread - 1);
        assertThat(notifications.list(actor(CITY_REVIEWER), true, 0, 100).items()).noneMatch(n -> n.id() == id);
        notifications.notify(Recipients.users(CITY_REVIEWER), NotificationType.OVERDUE, "已逾期", null);
        assertThat(notifications.markAllRead(actor(CITY_REVIEWER))).isPositive();
        assertThat(notifications.unreadCount(actor(CITY_REVIEWER))).isZero();
    }

    @Test
    void whatWasNotDeliveredIsHandedOverOnceAtTheNextConnection() {
        notifications.takeUndelivered(actor(FIRE_LEADER)); // whatever earlier tests left
        tx.executeWithoutResult(s -> {
            notifications.notify(Recipients.users(FIRE_LEADER), NotificationType.NEARLY_DUE, "临期：消防审批", "/tasks/2");
            notifications.notify(Recipients.users(FIRE_LEADER), NotificationType.COPIED, "抄送：验收意见", "/tasks/3");
        });
        assertThat(notifications.takeUndelivered(actor(FIRE_LEADER))).extracting(NotificationView::title)
                .containsExactly("临期：消防审批", "抄送：验收意见");
        assertThat(notifications.takeUndelivered(actor(FIRE_LEADER))).isEmpty();
        // delivered is not read: they stay unread in the centre
        assertThat(notifications.list(actor(FIRE_LEADER), true, 0, 10).items()).extracting(NotificationView::title)
                .contains("临期：消防审批", "抄送：验收意见");
    }

    @Test
    void aNoticeNeedsATitleAndPagingIsBounded() {
        assertThatThrownBy(() -> notifications.notify(Recipients.users(FIRE_LEADER), NotificationType.URGED, " ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> notifications.list(actor(FIRE_LEADER), false, 0, 101))
                .isInstanceOf(InvalidInputException.class);
        assertThat(notifications.notify(Recipients.group("NOWHERE:handler"), NotificationType.URGED, "无人", null)).isEmpty();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
