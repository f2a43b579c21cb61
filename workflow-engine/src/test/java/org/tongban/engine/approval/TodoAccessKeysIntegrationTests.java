package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;

/**
 * The todo list reads {@code tb_work_access} alone (V72): each access row carries its task's creation and due time
 * and whether a stand-in's row shows. These tests change tasks the ways the platform and the engine API do — claim,
 * transfer, delegate, due date, another candidate — and check that every access row stays in step with its item and
 * that a task reached through several principals is listed and counted once.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class TodoAccessKeysIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    WorkbenchService workbench;
    @Autowired
    ProxyService proxies;
    @Autowired
    DirectoryService directory;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
    }

    @Test
    void claimTransferDelegateAndDueDatesKeepTheAccessRowsInStepWithTheItem() {
        String handle = offeredHandleTask();
        assertThat(access(handle)).containsExactly(tuple("g:SJ_FOOD:handler", "CANDIDATE", true));
        assertInStep(handle);

        // the engine API, as the deadlines feature and 延期 change a task's due date
        tasks.setDueDate(handle, wholeSeconds(Duration.ofDays(-1)));
        assertInStep(handle);
        assertThat(todoIds(FOOD_HANDLER, "OVERDUE")).contains(handle);
        tasks.setDueDate(handle, wholeSeconds(Duration.ofDays(3)));
        assertInStep(handle);
        assertThat(todoIds(FOOD_HANDLER, "OVERDUE")).doesNotContain(handle);
        assertThat(todoIds(FOOD_HANDLER, null)).contains(handle);

        approvals.claim(driver.actor(FOOD_HANDLER), handle);
        assertThat(access(handle)).containsExactly(tuple("u:" + FOOD_HANDLER, "ASSIGNEE", true));
        assertInStep(handle);

        approvals.transfer(driver.actor(FOOD_HANDLER), handle, new HandoverForm(FOOD_HANDLER_2, "请王芳办理"));
        assertThat(access(handle)).containsExactly(tuple("u:" + FOOD_HANDLER_2, "ASSIGNEE", true));
        assertInStep(handle);
        assertThat(todoIds(FOOD_HANDLER, null)).doesNotContain(handle);
        assertThat(todoIds(FOOD_HANDLER_2, null)).contains(handle);

        approvals.delegate(driver.actor(FOOD_HANDLER_2), handle, new HandoverForm(FOOD_HANDLER_RARE_NAME, "请核实"));
        assertThat(access(handle)).containsExactlyInAnyOrder(tuple("u:" + FOOD_HANDLER_RARE_NAME, "ASSIGNEE", true),
                tuple("u:" + FOOD_HANDLER_2, "OWNER", true));
        assertInStep(handle);
        tasks.setDueDate(handle, wholeSeconds(Duration.ofHours(-2)));
        assertInStep(handle);
        assertThat(todoIds(FOOD_HANDLER_2, "OVERDUE")).contains(handle);
        assertThat(todoIds(FOOD_HANDLER_RARE_NAME, "OVERDUE")).contains(handle);
    }

    @Test
    void aTaskOfferedToAPersonAndToTheirGroupIsListedAndCountedOnce() {
        String handle = offeredHandleTask();
        TaskPage before = workbench.todo(driver.actor(FOOD_HANDLER), WorkbenchQuery.defaults());

        tasks.addCandidateUser(handle, FOOD_HANDLER);

        assertThat(access(handle)).containsExactlyInAnyOrder(tuple("g:SJ_FOOD:handler", "CANDIDATE", true),
                tuple("u:" + FOOD_HANDLER, "CANDIDATE", true));
        assertInStep(handle);
        List<String> all = allTodoIds(FOOD_HANDLER);
        assertThat(all).doesNotHaveDuplicates().containsOnlyOnce(handle);
        TaskPage after = workbench.todo(driver.actor(FOOD_HANDLER), WorkbenchQuery.defaults());
        assertThat(after.total()).isEqualTo(before.total()).isEqualTo(all.size());
        assertThat(workbench.counts(driver.actor(FOOD_HANDLER)).todo()).isEqualTo(after.total());
        // newest first: the task is the newest of the handler's, on the first page once
        assertThat(after.items()).extracting(TaskView::id).containsOnlyOnce(handle);
    }

    @Test
    void aStandInsRowShowsOnlyWhileTheTaskIsUnassignedOrHeldByTheAbsentPerson() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        ProxyView proxy = proxies.create(driver.actor(FOOD_HANDLER_2), new ProxyForm(FIRE_HANDLER, today, today.plusDays(2),
                "出差"));
        try {
            String handle = offeredHandleTask();
            assertThat(access(handle)).contains(tuple("p:" + FIRE_HANDLER, "PROXY", true));
            assertThat(todoIds(FIRE_HANDLER, null)).containsOnlyOnce(handle);

            approvals.claim(driver.actor(FOOD_HANDLER), handle);
            assertThat(access(handle)).contains(tuple("p:" + FIRE_HANDLER, "PROXY", false));
            assertThat(todoIds(FIRE_HANDLER, null)).doesNotContain(handle);
            assertInStep(handle);

            tasks.setAssignee(handle, null);
            assertThat(access(handle)).contains(tuple("p:" + FIRE_HANDLER, "PROXY", true));
            assertThat(todoIds(FIRE_HANDLER, null)).contains(handle);

            tasks.setAssignee(handle, FOOD_HANDLER_2);
            tasks.setDueDate(handle, wholeSeconds(Duration.ofDays(-1)));
            assertThat(access(handle)).containsExactlyInAnyOrder(tuple("u:" + FOOD_HANDLER_2, "ASSIGNEE", true),
                    tuple("p:" + FIRE_HANDLER, "PROXY", true));
            assertInStep(handle);
            assertThat(todoIds(FIRE_HANDLER, "OVERDUE")).contains(handle);
            assertThat(workbench.todo(driver.actor(FIRE_HANDLER), WorkbenchQuery.defaults()).items().stream()
                    .filter(t -> t.id().equals(handle)).findFirst().orElseThrow().onBehalfOf()).isEqualTo(FOOD_HANDLER_2);
        } finally {
            proxies.cancel(driver.actor(FOOD_HANDLER_2), proxy.id());
        }
    }

    /** 承办 of a newly accepted food licence case, offered to the food department's handlers. */
    private String offeredHandleTask() {
        long caseId = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        driver.complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", null);
        return driver.task(FOOD_HANDLER, caseId, "handle").id();
    }

    private List<org.assertj.core.groups.Tuple> access(String taskId) {
        return jdbc.query("SELECT principal, via, shown FROM tb_work_access WHERE task_id = ? ORDER BY principal",
                (rs, i) -> tuple(rs.getString(1), rs.getString(2), rs.getBoolean(3)), taskId);
    }

    /** Every access row of the task carries the item's creation and due time. */
    private void assertInStep(String taskId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT a.created_at, a.due_at, w.created_at AS item_created, "
                + "w.due_at AS item_due FROM tb_work_access a JOIN tb_work_item w ON w.task_id = a.task_id "
                + "WHERE a.task_id = ?", taskId);
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("created_at")).isNotNull().isEqualTo(r.get("item_created"));
            assertThat(r.get("due_at")).isEqualTo(r.get("item_due"));
        });
        Date due = tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate();
        Timestamp itemDue = jdbc.queryForObject("SELECT due_at FROM tb_work_item WHERE task_id = ?", Timestamp.class, taskId);
        assertThat(itemDue == null ? null : itemDue.toInstant()).isEqualTo(due == null ? null : due.toInstant());
    }

    private List<String> todoIds(String username, String due) {
        return workbench.todo(driver.actor(username), new WorkbenchQuery(null, null, due, null, null, null, 0, 100))
                .items().stream().map(TaskView::id).toList();
    }

    private List<String> allTodoIds(String username) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            TaskPage p = workbench.todo(driver.actor(username), new WorkbenchQuery(null, null, null, null, null, null,
                    page, 100));
            ids.addAll(p.items().stream().map(TaskView::id).toList());
            if (p.items().size() < 100) {
                return ids;
            }
        }
    }

    /** Whole seconds: the MySQL connection sends no fractional seconds (Camunda needs sendFractionalSeconds=false). */
    private Date wholeSeconds(Duration fromNow) {
        return Date.from(clock.instant().plus(fromNow).truncatedTo(ChronoUnit.SECONDS));
    }
}
