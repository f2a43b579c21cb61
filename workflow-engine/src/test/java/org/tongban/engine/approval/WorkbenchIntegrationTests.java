package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.internal.WorkItemBackfill;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.TestProcesses;

/** 工作台: the four lists with filters, order, pages and counts, kept in step with the engine. */
@SpringBootTest(classes = EngineTestApplication.class)
class WorkbenchIntegrationTests {

    /** 徐丽 signs in these tests only, so her lists hold exactly what they create. */
    private static final String SIGNER = "xuli";

    @Autowired
    WorkbenchService workbench;
    @Autowired
    ApprovalService approvals;
    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    DirectoryService directory;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkItemBackfill backfill;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
    }

    /** Leaves the signer's lists empty for the next test. */
    @AfterEach
    void endTheSignersProcesses() {
        tasks.createTaskQuery().taskAssignee(SIGNER).list().stream().map(Task::getProcessInstanceId).distinct()
                .forEach(pi -> runtime.deleteProcessInstance(pi, "test over"));
    }

    @Test
    void todoIsFilteredByProcessAndDueDateSortedPagedAndCounted() {
        String soon = signTask(TestProcesses.ANY_SIGN, Duration.ofHours(2));
        String overdue = signTask(TestProcesses.ANY_SIGN, Duration.ofDays(-1));
        String later = signTask(TestProcesses.ANY_SIGN, Duration.ofDays(5));
        String undated = signTask(TestProcesses.COUNTERSIGN, null);

        assertThat(ids(query(null, null, null, null, null, 0, 100))).containsExactly(undated, later, overdue, soon);
        assertThat(ids(query(TestProcesses.ANY_SIGN, null, null, null, null, 0, 100))).containsExactly(later, overdue, soon);
        assertThat(ids(query(null, "SOON", null, null, null, 0, 100))).containsExactly(soon);
        assertThat(ids(query(null, "OVERDUE", null, null, null, 0, 100))).containsExactly(overdue);
        assertThat(ids(query(null, null, "dueAt", "asc", null, 0, 100))).containsExactly(overdue, soon, later, undated);
        assertThat(ids(query(null, null, "createdAt", "asc", null, 0, 100))).containsExactly(soon, overdue, later, undated);
        TaskPage first = workbench.todo(signer(), new WorkbenchQuery(null, null, null, null, null, null, 0, 3));
        TaskPage second = workbench.todo(signer(), new WorkbenchQuery(null, null, null, null, null, null, 1, 3));
        assertThat(first.total()).isEqualTo(4);
        assertThat(ids(first)).containsExactly(undated, later, overdue);
        assertThat(ids(second)).containsExactly(soon);
        assertThat(first.items().get(0).dueAt()).isNull();
        assertThat(first.items().get(1).dueAt()).isAfter(clock.instant());

        WorkbenchCounts counts = workbench.counts(signer());
        assertThat(counts.todo()).isEqualTo(4);
        assertThat(counts.dueSoon()).isEqualTo(1);
        assertThat(counts.overdue()).isEqualTo(1);

        approvals.complete(signer(), soon, CompletionForm.of("AGREE", "同意"));
        assertThat(ids(query(null, null, null, null, null, 0, 100))).containsExactly(undated, later, overdue);
        ListPage<DoneItem> done = workbench.done(signer(), new WorkbenchQuery(TestProcesses.ANY_SIGN, null, null, null,
                null, null, 0, 10));
        assertThat(done.items()).extracting(DoneItem::taskId, DoneItem::decision, DoneItem::opinion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(soon, "AGREE", "同意"));
        assertThat(done.items().get(0).subject().title()).isEqualTo("或签测试");
        assertThat(workbench.counts(signer()).done()).isEqualTo(1);
    }

    @Test
    void theMatterFilterFindsEveryCaseThatIncludesTheMatter() {
        long restaurant = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase()).id();
        long food = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        driver.complete(WINDOW_CLERK, restaurant, "intake", "ACCEPT", null);
        driver.complete(WINDOW_CLERK, food, "intake", "ACCEPT", null);

        List<Long> signCases = workbench.todo(driver.actor(FOOD_HANDLER), new WorkbenchQuery(null, "OUTDOOR_SIGN_SETUP",
                null, null, null, null, 0, 100)).items().stream().map(t -> t.subject().id()).toList();
        List<Long> foodCases = workbench.todo(driver.actor(FOOD_HANDLER), new WorkbenchQuery(null, "FOOD_BUSINESS_LICENSE",
                null, null, null, null, 0, 100)).items().stream().map(t -> t.subject().id()).toList();
        List<Long> started = workbench.started(driver.actor(WINDOW_CLERK), new WorkbenchQuery("one-window-approval",
                "OUTDOOR_SIGN_SETUP", null, null, null, null, 0, 100)).items().stream().map(s -> s.subject().id()).toList();

        assertThat(signCases).contains(restaurant).doesNotContain(food);
        assertThat(foodCases).contains(restaurant, food);
        assertThat(started).contains(restaurant).doesNotContain(food);
    }

    @Test
    void startedByMeListsTheProcessesAPersonStarted() {
        ProcessInstance process = TestProcesses.startSigning(runtime, TestProcesses.SEQUENTIAL, CITY_REVIEWER, SIGNER);
        ListPage<StartedItem> started = workbench.started(driver.actor(CITY_REVIEWER), WorkbenchQuery.defaults());

        assertThat(started.items()).extracting(StartedItem::processInstanceId).contains(process.getId());
        StartedItem item = started.items().stream().filter(s -> s.processInstanceId().equals(process.getId())).findFirst()
                .orElseThrow();
        assertThat(item.processName()).isEqualTo("依次审批测试");
        assertThat(item.endedAt()).isNull();
        runtime.deleteProcessInstance(process.getId(), "test");
        assertThat(workbench.started(driver.actor(CITY_REVIEWER), WorkbenchQuery.defaults()).items().stream()
                .filter(s -> s.processInstanceId().equals(process.getId())).findFirst().orElseThrow().endedAt()).isNotNull();
        assertThat(approvals.todo(signer(), 0, 100).items()).noneMatch(t -> t.processInstanceId().equals(process.getId()));
    }

    @Test
    void changesMadeThroughTheEngineApiReachTheTodoListToo() {
        String taskId = signTask(TestProcesses.COUNTERSIGN, null);
        // whole seconds: the MySQL connection sends no fractional seconds (Camunda needs sendFractionalSeconds=false)
        Date due = Date.from(clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        tasks.setDueDate(taskId, due);
        assertThat(approvals.task(signer(), taskId).dueAt()).isEqualTo(due.toInstant());

        tasks.setAssignee(taskId, CITY_REVIEWER);
        assertThat(approvals.todo(signer(), 0, 100).items()).extracting(TaskView::id).doesNotContain(taskId);
        assertThat(approvals.todo(driver.actor(CITY_REVIEWER), 0, 100).items()).extracting(TaskView::id).contains(taskId);
    }

    @Test
    void tasksAndProcessesOlderThanTheReadModelAreAddedAtStart() {
        String taskId = signTask(TestProcesses.COUNTERSIGN, null);
        String processInstanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        // as on a database from before the approval listeners
        jdbc.update("DELETE FROM tb_work_access WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM tb_work_item WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM tb_work_subject WHERE process_instance_id = ?", processInstanceId);
        assertThat(ids(query(null, null, null, null, null, 0, 100))).doesNotContain(taskId);

        backfill.backfill();

        TaskView back = approvals.todo(signer(), 0, 100).items().stream().filter(t -> t.id().equals(taskId))
                .findFirst().orElseThrow();
        assertThat(back.subject().title()).isEqualTo("会签测试");
        assertThat(back.signMode()).isEqualTo(SignMode.COUNTERSIGN);
        assertThat(workbench.started(driver.actor(FOOD_HANDLER), new WorkbenchQuery(TestProcesses.COUNTERSIGN, null, null,
                null, null, null, 0, 100)).items()).extracting(StartedItem::processInstanceId).contains(processInstanceId);
    }

    @Test
    void badListParametersAreRefused() {
        assertThatThrownBy(() -> workbench.done(signer(), new WorkbenchQuery(null, null, "SOON", null, null, null, 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workbench.started(signer(), new WorkbenchQuery(null, null, null, null, "dueAt", null, 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workbench.todo(signer(), new WorkbenchQuery(null, null, "LATE", null, null, null, 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workbench.todo(signer(), new WorkbenchQuery(null, null, null, null, null, "up", 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workbench.todo(signer(), new WorkbenchQuery(null, null, null, null, null, null, 0, 101)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workbench.todo(signer(), new WorkbenchQuery(null, null, null, true, null, null, 0, 10)))
                .isInstanceOf(InvalidInputException.class);
    }

    /** A sign task of {@link #SIGNER} on a new process, due {@code due} from now (or never). */
    private String signTask(String key, Duration due) {
        ProcessInstance process = TestProcesses.startSigning(runtime, key, FOOD_HANDLER, SIGNER);
        Task draft = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        approvals.complete(driver.actor(FOOD_HANDLER), draft.getId(), CompletionForm.of(null, null));
        Task sign = tasks.createTaskQuery().processInstanceId(process.getId()).taskAssignee(SIGNER).singleResult();
        if (due != null) {
            tasks.setDueDate(sign.getId(), Date.from(clock.instant().plus(due)));
        }
        return sign.getId();
    }

    private TaskPage query(String processKey, String dueFilter, String sort, String direction, String matter, int page,
                           int size) {
        return workbench.todo(signer(), new WorkbenchQuery(processKey, matter, dueFilter, null, sort, direction, page, size));
    }

    private static List<String> ids(TaskPage page) {
        return page.items().stream().map(TaskView::id).toList();
    }

    private Actor signer() {
        return driver.actor(SIGNER);
    }
}
