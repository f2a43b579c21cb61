package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.persistence.ItemKey;
import org.tongban.engine.approval.persistence.ListFilter;
import org.tongban.engine.approval.persistence.WorkItemMapper;

/**
 * The todo query's plan on a read model of 20,000 open tasks in 200 groups: the page reads, per principal, the todo
 * index of {@code tb_work_access} in list order and stops at the page's end; the count reads that index alone;
 * neither touches {@code tb_work_item}, on H2 and on MariaDB. Prints the plan and the measured times (not asserted;
 * see the README).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchQueryPlanIntegrationTests {

    private static final int TASKS = 20_000;
    private static final int GROUPS = 200;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlSessionFactory sessions;
    @Autowired
    WorkItemMapper items;

    boolean mysql;

    @BeforeAll
    void fillTheReadModel() {
        mysql = jdbc.queryForObject("SELECT 1", Integer.class) == 1
                && !jdbc.getDataSource().toString().toLowerCase(Locale.ROOT).contains("h2")
                && "mysql".equals(System.getProperty("tongban.test.db"));
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> accessRows = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String id = "plan-" + i;
            boolean assigned = i % 20 == 0;
            itemRows.add(new Object[] {id, "plan-pi-" + (i / 4), "plan-def", "plan-process", "handle", "承办",
                    "PLAN_" + (i % GROUPS), assigned ? "plan.user." + (i % 500) : null, null, false,
                    Timestamp.from(start.plusSeconds(i * 60L)), i % 3 == 0 ? Timestamp.from(start.plusSeconds(86_400L * (i % 30))) : null});
            accessRows.add(new Object[] {id, assigned ? "u:plan.user." + (i % 500) : "g:PLAN_" + (i % GROUPS) + ":handler",
                    assigned ? "ASSIGNEE" : "CANDIDATE", itemRows.get(i)[10], itemRows.get(i)[11]});
        }
        jdbc.batchUpdate("INSERT INTO tb_work_item (task_id, process_instance_id, process_definition_id, process_key, "
                + "activity_id, name, department_code, assignee, owner, delegated, created_at, due_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", itemRows);
        // two of group 7's offered tasks are offered to plan.user.20 by name too: reached through two principals
        for (int i : new int[] {7, 19_807}) {
            accessRows.add(new Object[] {"plan-" + i, "u:plan.user.20", "CANDIDATE", itemRows.get(i)[10], itemRows.get(i)[11]});
        }
        jdbc.batchUpdate("INSERT INTO tb_work_access (task_id, principal, via, created_at, due_at) VALUES (?, ?, ?, ?, ?)",
                accessRows);
        if (mysql) {
            jdbc.execute("ANALYZE TABLE tb_work_item, tb_work_access");
        } else {
            jdbc.execute("ANALYZE");
        }
    }

    @AfterAll
    void cleanUp() {
        jdbc.update("DELETE FROM tb_work_access WHERE task_id LIKE 'plan-%'");
        jdbc.update("DELETE FROM tb_work_item WHERE task_id LIKE 'plan-%'");
    }

    @Test
    void theFirstTodoPageIsAnOrderedIndexReadPerPrincipalAndTheCountReadsTheIndexAlone() {
        ListFilter filter = filter();
        List<Map<String, Object>> plan = explain("todoPage", filter);
        System.out.println("EXPLAIN todoPage: " + plan);
        if (mysql) {
            // one branch per principal: the todo index in order, nothing but the index, no sort, no temporary table
            List<Map<String, Object>> branches = plan.stream().filter(r -> "a".equals(r.get("table"))).toList();
            assertThat(branches).hasSize(filter.principals().size()).allSatisfy(branch -> {
                assertThat(branch.get("key")).isEqualTo("ix_work_access_todo");
                assertThat(String.valueOf(branch.get("type"))).isEqualTo("ref");
                assertThat(String.valueOf(branch.get("extra"))).contains("Using index")
                        .doesNotContain("filesort").doesNotContain("temporary");
            });
            assertThat(plan).noneMatch(r -> String.valueOf(r.get("table")).equals("w"));
            // the merge sorts what the branches return: at most principals × 20 rows
            assertThat(row(plan, "<derived2>").get("extra").toString()).contains("filesort");
        } else {
            String text = plan.toString().toUpperCase(Locale.ROOT);
            assertThat(text).contains("IX_WORK_ACCESS_TODO: PRINCIPAL = ").doesNotContain("TB_WORK_ITEM");
        }
        List<Map<String, Object>> count = explain("todoCount", filter);
        System.out.println("EXPLAIN todoCount: " + count);
        if (mysql) {
            assertThat(count).hasSize(1);
            assertThat(count.get(0).get("key")).isEqualTo("ix_work_access_todo");
            assertThat(String.valueOf(count.get(0).get("extra"))).contains("Using index");
        } else {
            assertThat(count.toString().toUpperCase(Locale.ROOT)).contains("IX_WORK_ACCESS_TODO: PRINCIPAL IN")
                    .doesNotContain("TB_WORK_ITEM");
        }

        assertThat(items.todoPage(filter)).hasSize(20);
        // group 7: 100 offered tasks; plan.user.20 is the assignee of every 500th task from #20: 40 more
        assertThat(items.todoCount(filter)).isEqualTo(140);
        System.out.println(timing(filter));
    }

    @Test
    void everyPageHoldsTheNextTasksInOrderAndEachTaskOnce() {
        List<ItemKey> all = new ArrayList<>();
        for (int page = 0; page < 8; page++) {
            ListFilter f = new ListFilter("plan.user.20", filter().principals(), LocalDate.of(2026, 1, 5), null, null,
                    null, null, null, false, false, 20, page * 20);
            all.addAll(items.todoPage(f));
        }
        assertThat(all).hasSize(140).extracting(ItemKey::taskId).doesNotHaveDuplicates().contains("plan-7", "plan-19807");
        assertThat(all).extracting(ItemKey::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void theTodoPageSortedByDueDateAndTheOverdueCountReadTheIndexAlone() {
        ListFilter overdue = new ListFilter("plan.user.20", filter().principals(), LocalDate.of(2026, 1, 5), null, null,
                null, Instant.parse("2026-02-04T00:00:00Z"), null, true, true, 20, 0);
        List<Map<String, Object>> plan = explain("todoPage", overdue);
        System.out.println("EXPLAIN todoPage, overdue by due date: " + plan);
        List<Map<String, Object>> count = explain("todoCount", overdue);
        if (mysql) {
            assertThat(plan.stream().filter(r -> "a".equals(r.get("table"))))
                    .allSatisfy(branch -> assertThat(String.valueOf(branch.get("extra"))).contains("Using index"));
            assertThat(String.valueOf(count.get(0).get("extra"))).contains("Using index");
        }
        assertThat(plan.toString() + count).doesNotContainIgnoringCase("tb_work_item");
        List<Instant> due = items.todoPage(overdue).stream().map(k -> k.dueAt()).toList();
        assertThat(due).hasSize(20).isSorted().allMatch(d -> d.isBefore(Instant.parse("2026-02-04T00:00:00Z")));
    }

    private ListFilter filter() {
        // a handler of group 7 with tasks of their own: three principals, like a real person (the stand-in one empty)
        return new ListFilter("plan.user.20", List.of("u:plan.user.20", "p:plan.user.20", "g:PLAN_7:handler"), LocalDate.of(2026, 1, 5), null,
                null, null, null, null, false, false, 20, 0);
    }

    private String timing(ListFilter filter) {
        long[] page = new long[50];
        long[] count = new long[50];
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            items.todoPage(filter);
            long t1 = System.nanoTime();
            items.todoCount(filter);
            page[i] = t1 - t0;
            count[i] = System.nanoTime() - t1;
        }
        Arrays.sort(page);
        Arrays.sort(count);
        return String.format("todo on %d open tasks (%s): page p50 %.1f ms, p99 %.1f ms; count p50 %.1f ms, p99 %.1f ms",
                TASKS, mysql ? "MariaDB" : "H2", page[25] / 1e6, page[49] / 1e6, count[25] / 1e6, count[49] / 1e6);
    }

    private static Map<String, Object> row(List<Map<String, Object>> plan, String table) {
        return plan.stream().filter(r -> table.equals(r.get("table"))).findFirst()
                .orElseThrow(() -> new AssertionError("no plan row for " + table + ": " + plan));
    }

    /** EXPLAIN of the mapper statement as MyBatis binds it for {@code filter}. */
    private List<Map<String, Object>> explain(String statement, ListFilter filter) {
        Map<String, Object> parameter = Map.of("f", filter);
        BoundSql bound = sessions.getConfiguration()
                .getMappedStatement(WorkItemMapper.class.getName() + "." + statement).getBoundSql(parameter);
        MetaObject meta = sessions.getConfiguration().newMetaObject(parameter);
        Object[] args = bound.getParameterMappings().stream().map(ParameterMapping::getProperty)
                .map(p -> bound.hasAdditionalParameter(p) ? bound.getAdditionalParameter(p) : meta.getValue(p))
                .map(v -> v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v instanceof Instant t ? Timestamp.from(t) : v)
                .toArray();
        return jdbc.queryForList("EXPLAIN " + bound.getSql(), args).stream()
                .map(r -> r.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                        e -> e.getValue() == null ? "" : e.getValue(), (a, b) -> a)))
                .toList();
    }
}
