package org.tongban.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.EngineTime.at;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.TaskDriver;

/** 督查督办 through the services, on the real engine and database, its timers driven by the engine's clock. */
@SpringBootTest(classes = EngineTestApplication.class)
class SupervisionServiceIntegrationTests {

    private static final String KEY = ProcessKeys.SUPERVISION;

    @Autowired
    SupervisionService supervision;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CaseService cases;

    TaskDriver driver;
    EngineTime time;

    @BeforeEach
    void setUp() {
        driver = new TaskDriver(approvals, directory);
        time = new EngineTime(managementService);
        time.set("2026-03-02T09:00");
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void supervisorSplitsAndAssignsUnitsReportAndTheLeaderClosesTheItem() {
        SupervisionItemView opened = supervision.open(driver.actor(SUPERVISOR), new SupervisionItemForm(
                "整治城区餐饮油烟扰民", SupervisionSource.INSTRUCTION, "市长批示〔2026〕3号", "限期整改并反馈",
                LocalDate.of(2026, 3, 20), List.of()));
        long id = opened.id();
        assertThat(opened.itemNumber()).matches("督〔2026〕\\d+号");
        assertThat(opened.status()).isEqualTo(SupervisionItemStatus.SPLITTING);
        assertThat(opened.dueAt()).isEqualTo(at("2026-03-20T17:30"));
        assertThat(opened.light()).isEqualTo(TrafficLight.GREEN);
        assertThatThrownBy(() -> driver.complete(SUPERVISOR, KEY, id, "split", null, null))
                .as("nothing to assign yet").isInstanceOf(InvalidInputException.class);

        supervision.addSubItem(driver.actor(SUPERVISOR), id, new SubItemForm("SJ_FOOD", "排查持证餐饮单位油烟净化设施",
                LocalDate.of(2026, 3, 13)));
        supervision.addSubItem(driver.actor(SUPERVISOR), id, new SubItemForm("XF_FIRE", "检查排烟管道消防安全",
                LocalDate.of(2026, 3, 16)));
        driver.complete(SUPERVISOR, KEY, id, "split", null, "请按期反馈");

        assertThatThrownBy(() -> supervision.addSubItem(driver.actor(SUPERVISOR), id,
                new SubItemForm("CG_CITYSCAPE", "x", LocalDate.of(2026, 3, 13)))).isInstanceOf(ConflictException.class);
        assertThat(driver.task(FOOD_HANDLER, KEY, id, "report").dueAt()).isEqualTo(at("2026-03-13T17:30"));
        assertThat(driver.task(FIRE_HANDLER, KEY, id, "report").dueAt()).isEqualTo(at("2026-03-16T17:30"));
        assertThat(mine(FOOD_HANDLER_2)).extracting(NotificationView::type)
                .contains(NotificationType.ASSIGNED);

        driver.complete(FOOD_HANDLER, KEY, id, "report", "PROGRESS", "已排查 35 家，12 家需整改");
        driver.complete(SUPERVISOR, KEY, id, "reviewFeedback", "ACCEPT", null);
        driver.complete(FOOD_HANDLER, KEY, id, "report", "REQUEST_CLOSE", "12 家均已加装净化设施");
        driver.complete(SUPERVISOR, KEY, id, "reviewFeedback", "ACCEPT", "同意办结");
        driver.complete(FIRE_HANDLER, KEY, id, "report", "REQUEST_CLOSE", "已检查");
        assertThatThrownBy(() -> driver.complete(SUPERVISOR, KEY, id, "reviewFeedback", "RETURN", " "))
                .isInstanceOf(InvalidInputException.class);
        driver.complete(SUPERVISOR, KEY, id, "reviewFeedback", "RETURN", "请附检查记录");
        driver.complete(FIRE_HANDLER, KEY, id, "report", "REQUEST_CLOSE", "检查记录见附件，均合格");
        driver.complete(SUPERVISOR, KEY, id, "reviewFeedback", "ACCEPT", null);

        assertThat(supervision.get(driver.actor(SUPERVISOR), id).status()).isEqualTo(SupervisionItemStatus.CLOSING);
        time.set("2026-03-17T10:00");
        driver.complete(SUPERVISION_LEADER, KEY, id, "approveClosure", "APPROVE", "同意销号");

        SupervisionItemView closed = supervision.get(driver.actor(SUPERVISOR), id);
        assertThat(closed.status()).isEqualTo(SupervisionItemStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(at("2026-03-17T10:00"));
        assertThat(closed.subItems()).extracting(SupervisionItemView.SubItem::unitDepartment,
                SupervisionItemView.SubItem::status).containsExactly(tuple("SJ_FOOD", SubItemStatus.DONE),
                tuple("XF_FIRE", SubItemStatus.DONE));
        assertThat(closed.subItems().get(1).feedback()).extracting(SupervisionItemView.Feedback::kind,
                SupervisionItemView.Feedback::reviewDecision).containsExactly(
                tuple("REQUEST_CLOSE", "RETURN"), tuple("REQUEST_CLOSE", "ACCEPT"));
        assertThat(closed.log()).extracting(SupervisionItemView.LogEntry::kind)
                .containsSubsequence("OPENED", "SPLIT", "SPLIT_DONE", "ASSIGNED", "REPORTED", "FEEDBACK_ACCEPTED",
                        "CLOSE_REQUESTED", "CLOSURE_APPROVED", "CLOSED");
        assertThat(closed.openSteps()).isEmpty();
        assertThat(deadlines.find(DeadlineKind.SUPERVISION_ITEM, id, null).orElseThrow().onTime()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(id)).count()).as("the process has ended").isZero();
    }

    @Test
    void aUnitSeesOnlyItsOwnSubItemsAndOtherUnitsSeeNothing() {
        long id = itemWithSubItems("SJ_FOOD", "XF_FIRE");

        SupervisionItemView food = supervision.get(driver.actor(FOOD_HANDLER), id);
        assertThat(food.subItems()).extracting(SupervisionItemView.SubItem::unitDepartment).containsExactly("SJ_FOOD");
        assertThat(food.openSteps()).extracting(SupervisionItemView.OpenStep::departmentCode).containsOnly("SJ_FOOD");
        assertThat(food.log()).allMatch(e -> e.subItemId() == null
                || e.subItemId().equals(food.subItems().get(0).id()));
        assertThat(supervision.get(driver.actor(SUPERVISION_LEADER), id).subItems()).hasSize(2);
        assertThatThrownBy(() -> supervision.get(driver.actor(REGISTRATION_CLERK), id))
                .isInstanceOf(NotFoundException.class);
        assertThat(supervision.list(driver.actor(REGISTRATION_CLERK), null, 0, 100).items())
                .noneMatch(i -> i.id() == id);
        assertThat(supervision.list(driver.actor(FIRE_HANDLER), null, 0, 100).items())
                .filteredOn(i -> i.id() == id).extracting(SupervisionItemSummary::subItems).containsExactly(1);
        assertThatThrownBy(() -> supervision.urge(driver.actor(REGISTRATION_CLERK), id, new UrgeForm(null, "快")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> supervision.urge(driver.actor(FOOD_HANDLER), id, new UrgeForm(null, "快")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void urgingRemindsTheUnitsStillWorking() {
        long id = itemWithSubItems("SJ_FOOD", "CG_CITYSCAPE");
        long food = supervision.get(driver.actor(SUPERVISOR), id).subItems().get(0).id();

        supervision.urge(driver.actor(SUPERVISOR), id, new UrgeForm(food, "请于本周五前反馈"));

        assertThat(mine(FOOD_HANDLER)).filteredOn(n -> Long.valueOf(id).equals(n.subjectId()))
                .extracting(NotificationView::type, NotificationView::body).contains(tuple(NotificationType.URGED, "请于本周五前反馈"));
        assertThat(mine(CITY_HANDLER)).filteredOn(n -> Long.valueOf(id).equals(n.subjectId()))
                .extracting(NotificationView::type).doesNotContain(NotificationType.URGED);
        assertThat(supervision.get(driver.actor(FOOD_HANDLER), id).log()).extracting(SupervisionItemView.LogEntry::kind)
                .contains("URGED");
        assertThatThrownBy(() -> supervision.urge(driver.actor(SUPERVISOR), id, new UrgeForm(999_999L, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMissedFeedbackTurnsTheSubItemYellowUntilTheUnitReports() {
        long id = itemWithSubItems("SJ_FOOD");
        String process = process(id);

        time.set("2026-03-09T09:01");
        assertThat(time.runDueJobs(process)).isEqualTo(1);
        SupervisionItemView.SubItem sub = supervision.get(driver.actor(SUPERVISOR), id).subItems().get(0);
        assertThat(sub.light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(sub.warning()).isEqualTo("FEEDBACK_MISSED");
        assertThat(mine(FOOD_HANDLER)).filteredOn(n -> Long.valueOf(id).equals(n.subjectId()))
                .extracting(NotificationView::type).contains(NotificationType.FEEDBACK_MISSED);

        driver.complete(FOOD_HANDLER, KEY, id, "report", "PROGRESS", "已部署排查");
        sub = supervision.get(driver.actor(SUPERVISOR), id).subItems().get(0);
        assertThat(sub.light()).isEqualTo(TrafficLight.GREEN);
        assertThat(sub.warning()).isNull();
        assertThat(sub.lastFeedbackAt()).isEqualTo(at("2026-03-09T09:01"));
    }

    @Test
    void anOverdueSubItemEscalatesToTheSupervisingLeaderAndTheUnitsLeader() {
        long id = itemWithSubItems("SJ_FOOD");
        String process = process(id);

        time.set("2026-03-13T17:31"); // the sub-item's deadline has passed; its yellow point too
        time.runDueJobs(process);

        SupervisionItemView.SubItem sub = supervision.get(driver.actor(SUPERVISOR), id).subItems().get(0);
        assertThat(sub.light()).isEqualTo(TrafficLight.RED);
        assertThat(sub.escalatedAt()).isEqualTo(at("2026-03-13T17:31"));
        assertThat(mine(SUPERVISION_LEADER)).filteredOn(n -> Long.valueOf(id).equals(n.subjectId()))
                .extracting(NotificationView::type).containsExactly(NotificationType.ESCALATION);
        assertThat(mine(FOOD_LEADER)).filteredOn(n -> Long.valueOf(id).equals(n.subjectId()))
                .extracting(NotificationView::type).containsExactly(NotificationType.OVERDUE);
        assertThat(driver.tasks(FOOD_HANDLER, KEY, id, "report")).as("the unit still reports").hasSize(1);
    }

    @Test
    void anOverdueCaseReviewOpensOneSupervisionItemForTheLateDepartment() {
        time.set("2026-09-30T09:00");
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aCaseOf("OUTDOOR_SIGN_SETUP"));
        approvals.complete(driver.actor(WINDOW_CLERK), driver.task(WINDOW_CLERK, ProcessKeys.ONE_WINDOW_APPROVAL,
                created.id(), "intake").id(), CompletionForm.of("ACCEPT", null));
        String caseProcess = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.ONE_WINDOW_APPROVAL)
                .processInstanceBusinessKey(String.valueOf(created.id())).singleResult().getId();

        time.set("2026-10-13T17:31"); // the department's 5 working days are over
        time.runDueJobs(caseProcess);

        List<SupervisionItemView> items = itemsOfCase(created.id());
        assertThat(items).hasSize(1);
        SupervisionItemView item = items.get(0);
        assertThat(item.source()).isEqualTo(SupervisionSource.OVERDUE_CASE);
        assertThat(item.sourceRef()).isEqualTo(created.caseNumber());
        assertThat(item.caseId()).isEqualTo(created.id());
        assertThat(item.supervisorDepartment()).isEqualTo("GOV_SUPERVISION");
        assertThat(item.status()).isEqualTo(SupervisionItemStatus.IN_PROGRESS);
        // 17:31 is after office hours: day 0 is 10/14, three working days → 10/19
        assertThat(item.dueAt()).isEqualTo(at("2026-10-19T17:30"));
        assertThat(item.subItems()).extracting(SupervisionItemView.SubItem::unitDepartment,
                SupervisionItemView.SubItem::status).containsExactly(tuple("CG_CITYSCAPE", SubItemStatus.IN_PROGRESS));
        assertThat(driver.task(CITY_HANDLER, KEY, item.id(), "report").dueAt()).isEqualTo(at("2026-10-19T17:30"));

        // the next task's timer fires again: still one item
        approvals.complete(driver.actor(CITY_HANDLER), driver.task(CITY_HANDLER, ProcessKeys.ONE_WINDOW_APPROVAL,
                created.id(), "handle").id(), CompletionForm.of("GRANT", "同意"));
        assertThat(time.runDueJobs(caseProcess)).isEqualTo(2);
        assertThat(itemsOfCase(created.id())).hasSize(1);
    }

    /** Items the platform opened for a case (other tests' cases share the database). */
    private List<SupervisionItemView> itemsOfCase(long caseId) {
        return supervision.list(driver.actor(SUPERVISOR), null, 0, 100).items().stream()
                .filter(i -> i.source() == SupervisionSource.OVERDUE_CASE)
                .map(i -> supervision.get(driver.actor(SUPERVISOR), i.id()))
                .filter(i -> i.caseId() == caseId).toList();
    }

    @Test
    void twoCompletionsOfOneReviewAtOnceGiveOneDecisionAndOneConflict() throws Exception {
        long id = itemWithSubItems("SJ_FOOD");
        driver.complete(FOOD_HANDLER, KEY, id, "report", "REQUEST_CLOSE", "已办结");
        String review = driver.task(SUPERVISOR, KEY, id, "reviewFeedback").id();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = new java.util.ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(List.of(reviewAfter(start, review, "ACCEPT"),
                    reviewAfter(start, review, "RETURN")))) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
        SupervisionItemView.SubItem sub = supervision.get(driver.actor(SUPERVISOR), id).subItems().get(0);
        assertThat(sub.feedback()).singleElement().satisfies(f -> assertThat(f.reviewDecision()).isNotNull());
    }

    private Callable<String> reviewAfter(CyclicBarrier start, String taskId, String decision) {
        var actor = driver.actor(SUPERVISOR);
        return () -> {
            start.await();
            try {
                approvals.complete(actor, taskId, CompletionForm.of(decision, "审核意见"));
                return "ok";
            } catch (ConflictException e) {
                return "conflict";
            }
        };
    }

    @Test
    void refusesBadItemsAndNonSupervisors() {
        assertThatThrownBy(() -> supervision.open(driver.actor(FOOD_HANDLER), anItem(List.of())))
                .isInstanceOf(ForbiddenException.class);
        InvalidInputException weekend = catchThrowableOfType(InvalidInputException.class, () ->
                supervision.open(driver.actor(SUPERVISOR), new SupervisionItemForm("x", SupervisionSource.MEETING, null,
                        null, LocalDate.of(2026, 4, 5), List.of())));
        assertThat(weekend.fieldErrors()).containsKey("dueDate");
        InvalidInputException late = catchThrowableOfType(InvalidInputException.class, () ->
                supervision.open(driver.actor(SUPERVISOR), anItem(List.of(
                        new SubItemForm("SJ_FOOD", "x", LocalDate.of(2026, 3, 27)),
                        new SubItemForm("NO_SUCH", "x", LocalDate.of(2026, 3, 13))))));
        assertThat(late.fieldErrors()).containsOnlyKeys("subItems[0].dueDate", "subItems[1].unitDepartment");
        assertThatThrownBy(() -> supervision.open(driver.actor(SUPERVISOR), new SupervisionItemForm("x",
                SupervisionSource.OVERDUE_CASE, null, null, LocalDate.of(2026, 3, 20), List.of())))
                .isInstanceOf(InvalidInputException.class);
    }

    private long itemWithSubItems(String... units) {
        List<SubItemForm> subItems = java.util.Arrays.stream(units)
                .map(u -> new SubItemForm(u, "落实整改并反馈", LocalDate.of(2026, 3, 13))).toList();
        SupervisionItemView item = supervision.open(driver.actor(SUPERVISOR), anItem(subItems));
        assertThat(item.status()).isEqualTo(SupervisionItemStatus.IN_PROGRESS);
        return item.id();
    }

    private static SupervisionItemForm anItem(List<SubItemForm> subItems) {
        return new SupervisionItemForm("落实食品安全专项整治", SupervisionSource.MEETING, "市政府常务会议纪要〔2026〕5号",
                null, LocalDate.of(2026, 3, 20), subItems);
    }

    private String process(long itemId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(itemId)).singleResult().getId();
    }

    /** The person's notices, newest first. */
    private List<NotificationView> mine(String username) {
        return notifications.list(driver.actor(username), false, 0, 50).items();
    }
}
