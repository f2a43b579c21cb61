package org.tongban.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;

/**
 * Conversations and messages through the services: the case group that people join as the case reaches their
 * department, direct and group conversations, read state, receipts, mentions, and the rule that only members read
 * or post.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class ConversationIntegrationTests {

    @Autowired
    ConversationService conversations;
    @Autowired
    MessageService messages;
    @Autowired
    NotificationService notifications;
    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
    }

    @Test
    void theCaseGroupIsJoinedByEachDepartmentAsTheCaseReachesIt() {
        long caseId = cases.create(actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase()).id();
        ConversationView group = caseGroup(WINDOW_CLERK, caseId);
        assertThat(group.kind()).isEqualTo(ConversationKind.CASE);
        assertThat(group.title()).contains("开办餐饮店");
        assertThat(usernames(group)).containsExactly(WINDOW_CLERK);

        driver.complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", "材料齐全");
        // the handlers of the four departments it was dispatched to; not yet their reviewers
        assertThat(usernames(caseGroup(WINDOW_CLERK, caseId))).contains(WINDOW_CLERK, FOOD_HANDLER, FOOD_HANDLER_2,
                FOOD_HANDLER_RARE_NAME, FIRE_HANDLER, ENV_HANDLER, CITY_HANDLER).doesNotContain(FOOD_REVIEWER);
        assertThat(conversations.mine(actor(FOOD_REVIEWER))).noneMatch(c -> String.valueOf(caseId).equals(c.subjectKey()));

        messages.post(actor(FIRE_HANDLER), group.id(), MessageForm.text("消防这边需要平面图"));
        driver.complete(FOOD_HANDLER, caseId, "handle", "GRANT", "符合条件");
        ConversationView joined = caseGroup(FOOD_REVIEWER, caseId);
        assertThat(usernames(joined)).contains(FOOD_REVIEWER);
        // a member who joins later reads what was said before
        assertThat(messages.history(actor(FOOD_REVIEWER), joined.id(), null, 20).items())
                .extracting(MessageView::text).containsExactly("消防这边需要平面图");
        assertThat(joined.unreadCount()).isEqualTo(1);
    }

    @Test
    void aNewTaskIsAnnouncedToItsAssigneeAndToTheDepartmentItIsOfferedTo() {
        long caseId = cases.create(actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        String caseTitle = cases.get(actor(WINDOW_CLERK), caseId).title();
        assertThat(latest(WINDOW_CLERK)).satisfies(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.TASK_ASSIGNED);
            assertThat(n.title()).contains(caseTitle, "一窗受理");
        });
        driver.complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", null);
        String handleTask = driver.task(FOOD_HANDLER_2, caseId, "handle").id();
        for (String handler : List.of(FOOD_HANDLER, FOOD_HANDLER_2, FOOD_HANDLER_RARE_NAME)) {
            assertThat(latest(handler)).satisfies(n -> {
                assertThat(n.type()).isEqualTo(NotificationType.TASK_OFFERED);
                assertThat(n.link()).isEqualTo("/tasks/" + handleTask);
                assertThat(n.title()).contains(caseTitle, "承办");
            });
        }
        // the reviewers of the department hear of it when it reaches them, not before
        assertThat(notifications.list(actor(FOOD_REVIEWER), false, 0, 100).items())
                .noneMatch(n -> n.link() != null && n.link().equals("/tasks/" + handleTask));
    }

    @Test
    void aDirectConversationIsOnePerPairWhoeverStartsIt() {
        ConversationView mine = conversations.startDirect(actor(ENV_XIHU_HANDLER), ENV_XIHU_REVIEWER);
        ConversationView theirs = conversations.startDirect(actor(ENV_XIHU_REVIEWER), ENV_XIHU_HANDLER);
        assertThat(theirs.id()).isEqualTo(mine.id());
        assertThat(mine.kind()).isEqualTo(ConversationKind.DIRECT);
        assertThat(mine.title()).isEqualTo("韩雪"); // the other person
        assertThat(theirs.title()).isEqualTo("蒋涛");
        assertThatThrownBy(() -> conversations.startDirect(actor(ENV_XIHU_HANDLER), ENV_XIHU_HANDLER))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> conversations.startDirect(actor(ENV_XIHU_HANDLER), "nobody"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyMembersReadOrPostAndOthersLearnNothing() {
        ConversationView group = conversations.createGroup(actor(FOOD_HANDLER),
                new GroupForm("食品处内部", List.of(FOOD_HANDLER_2, FOOD_REVIEWER)));
        MessageView secret = messages.post(actor(FOOD_HANDLER), group.id(), MessageForm.text("内部讨论"));
        Actor stranger = actor(FIRE_HANDLER);
        assertThatThrownBy(() -> conversations.get(stranger, group.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.history(stranger, group.id(), null, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.post(stranger, group.id(), MessageForm.text("我也来")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.markRead(stranger, group.id(), secret.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.receipts(stranger, group.id(), secret.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversations.invite(stranger, group.id(), List.of(FIRE_HANDLER)))
                .isInstanceOf(NotFoundException.class);
        // a conversation that does not exist answers the same
        assertThatThrownBy(() -> conversations.get(stranger, 987654321L)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("不存在或您不是成员");
        assertThat(messages.history(actor(FOOD_HANDLER), group.id(), null, 20).items()).hasSize(1);
    }

    @Test
    void unreadCountsAndReceiptsFollowEachMembersReadPosition() {
        ConversationView group = conversations.createGroup(actor(CITY_HANDLER),
                new GroupForm("招牌设置协调", List.of(CITY_REVIEWER, FOOD_HANDLER)));
        MessageView first = messages.post(actor(CITY_HANDLER), group.id(), MessageForm.text("请看招牌方案"));
        MessageView second = messages.post(actor(CITY_HANDLER), group.id(), MessageForm.text("明天上午前回复"));
        assertThat(conversations.get(actor(CITY_REVIEWER), group.id()).unreadCount()).isEqualTo(2);
        assertThat(conversations.get(actor(CITY_HANDLER), group.id()).unreadCount()).isZero(); // own messages

        messages.markRead(actor(CITY_REVIEWER), group.id(), first.id());
        assertThat(conversations.get(actor(CITY_REVIEWER), group.id()).unreadCount()).isEqualTo(1);
        ReadReceipts receipts = messages.receipts(actor(CITY_HANDLER), group.id(), first.id());
        assertThat(receipts.read()).extracting(ReadReceipts.Reader::username).containsExactly(CITY_REVIEWER);
        assertThat(receipts.unread()).extracting(Member::username).containsExactly(FOOD_HANDLER);
        assertThat(messages.receipts(actor(CITY_HANDLER), group.id(), second.id()).read()).isEmpty();

        // reading backwards changes nothing; reading the newest reads everything before it
        messages.markRead(actor(CITY_REVIEWER), group.id(), second.id());
        messages.markRead(actor(CITY_REVIEWER), group.id(), first.id());
        assertThat(conversations.get(actor(CITY_REVIEWER), group.id()).unreadCount()).isZero();
        assertThat(messages.history(actor(CITY_HANDLER), group.id(), null, 10).items())
                .extracting(MessageView::readCount).containsExactly(1, 1);
        // only the sender sees who has read
        assertThatThrownBy(() -> messages.receipts(actor(CITY_REVIEWER), group.id(), first.id()))
                .isInstanceOf(ForbiddenException.class);
        // a message of another conversation cannot be used to move the read position
        assertThatThrownBy(() -> messages.markRead(actor(CITY_REVIEWER), group.id(), 987654321L))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void historyPagesBackwardsFromTheNewest() {
        ConversationView group = conversations.createGroup(actor(ENV_HANDLER),
                new GroupForm("环评材料", List.of(ENV_REVIEWER)));
        for (int i = 1; i <= 5; i++) {
            messages.post(actor(i % 2 == 0 ? ENV_REVIEWER : ENV_HANDLER), group.id(), MessageForm.text("第" + i + "条"));
        }
        MessagePage newest = messages.history(actor(ENV_REVIEWER), group.id(), null, 2);
        assertThat(newest.items()).extracting(MessageView::text).containsExactly("第5条", "第4条");
        assertThat(newest.hasMore()).isTrue();
        MessagePage older = messages.history(actor(ENV_REVIEWER), group.id(), newest.items().get(1).id(), 2);
        assertThat(older.items()).extracting(MessageView::text).containsExactly("第3条", "第2条");
        MessagePage oldest = messages.history(actor(ENV_REVIEWER), group.id(), older.items().get(1).id(), 2);
        assertThat(oldest.items()).extracting(MessageView::text).containsExactly("第1条");
        assertThat(oldest.hasMore()).isFalse();
        assertThatThrownBy(() -> messages.history(actor(ENV_REVIEWER), group.id(), null, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mentionsAreMembersAndTheyAreNotified() {
        ConversationView group = conversations.createGroup(actor(FIRE_HANDLER),
                new GroupForm("消防验收", List.of(FIRE_REVIEWER, FIRE_LEADER)));
        MessageView posted = messages.post(actor(FIRE_HANDLER), group.id(),
                new MessageForm("@吴军 请审核现场照片", List.of(FIRE_REVIEWER), null, false, null));
        assertThat(posted.mentions()).containsExactly(FIRE_REVIEWER);
        assertThat(latest(FIRE_REVIEWER)).satisfies(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.MENTIONED);
            assertThat(n.title()).contains("周浩", "消防验收", "请审核现场照片");
            assertThat(n.link()).isEqualTo("/conversations/" + group.id() + "?message=" + posted.id());
        });
        assertThatThrownBy(() -> messages.post(actor(FIRE_HANDLER), group.id(),
                new MessageForm("@李强", List.of(FOOD_HANDLER), null, false, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("成员");
    }

    @Test
    void aMessageResentWithTheSameClientKeyIsStoredOnce() {
        ConversationView group = conversations.createGroup(actor(FOOD_LEADER),
                new GroupForm("领导批示", List.of(FOOD_REVIEWER)));
        MessageForm form = new MessageForm("同意", List.of(), null, false, "c-7f3a");
        MessageView first = messages.post(actor(FOOD_LEADER), group.id(), form);
        MessageView again = messages.post(actor(FOOD_LEADER), group.id(), form);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(messages.history(actor(FOOD_LEADER), group.id(), null, 10).items()).hasSize(1);
        assertThatThrownBy(() -> messages.post(actor(FOOD_LEADER), group.id(), MessageForm.text("  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> messages.post(actor(FOOD_LEADER), group.id(), MessageForm.text("长".repeat(4001))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAGroupTakesInvitationsAndGroupsNeedATitleAndRealPeople() {
        ConversationView direct = conversations.startDirect(actor(WINDOW_CLERK_2), FOOD_REVIEWER);
        assertThatThrownBy(() -> conversations.invite(actor(WINDOW_CLERK_2), direct.id(), List.of(FOOD_LEADER)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> conversations.createGroup(actor(WINDOW_CLERK_2), new GroupForm(" ", List.of(FOOD_REVIEWER))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> conversations.createGroup(actor(WINDOW_CLERK_2), new GroupForm("空群", List.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> conversations.createGroup(actor(WINDOW_CLERK_2), new GroupForm("群", List.of("ghost"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ghost");
        ConversationView group = conversations.createGroup(actor(WINDOW_CLERK_2), new GroupForm("窗口", List.of(FOOD_REVIEWER)));
        assertThat(usernames(conversations.invite(actor(FOOD_REVIEWER), group.id(), List.of(FOOD_LEADER, WINDOW_CLERK_2))))
                .containsExactlyInAnyOrder(WINDOW_CLERK_2, FOOD_REVIEWER, FOOD_LEADER);
    }

    @Test
    void racingJoinsOfOneCaseGroupAddEachPersonOnce() throws Exception {
        // two nodes announcing tasks of the same case at once: both insert the same people; neither fails, no one twice
        List<String> people = List.of(WINDOW_CLERK, FOOD_HANDLER, FOOD_HANDLER_2, FIRE_HANDLER, ENV_HANDLER,
                CITY_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "race-" + UUID.randomUUID();
                // the group exists (creating it serialises the racers on its unique subject); the others join at once
                conversations.joinCaseConversation("race-test", key, "并发加入", List.of(WINDOW_CLERK));
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Long> join = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return conversations.joinCaseConversation("race-test", key, "并发加入", people);
                };
                Future<Long> first = pool.submit(join);
                Future<Long> second = pool.submit(join);
                long id = first.get(30, TimeUnit.SECONDS);
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(id);
                assertThat(usernames(conversations.get(actor(WINDOW_CLERK), id)))
                        .containsExactlyInAnyOrderElementsOf(people);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ConversationView caseGroup(String username, long caseId) {
        return conversations.mine(actor(username)).stream()
                .filter(c -> c.kind() == ConversationKind.CASE && String.valueOf(caseId).equals(c.subjectKey()))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not in the group of case " + caseId));
    }

    private NotificationView latest(String username) {
        return notifications.list(actor(username), false, 0, 1).items().get(0);
    }

    private static List<String> usernames(ConversationView conversation) {
        return conversation.members().stream().map(Member::username).toList();
    }

    private Actor actor(String username) {
        return driver.actor(username);
    }
}
