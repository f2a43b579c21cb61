package org.tongban.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.TestUsers;

/**
 * Benchmark 1 of issue 10: the 开办餐饮店 case (intake → 4 departments in parallel, 2 with leader approval →
 * consolidate → deliver → close; 12 user tasks) through Tongban's services against the same task completions on
 * the same model through the raw Camunda API, alternating in one run on one database. The test command runs a
 * quick variant (few cases) that asserts only that numbers came out; a full run:
 * {@code mvn -pl workflow-engine -am test -Dtest=CaseThroughputBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.cases=300 -Dbench.write=BENCHMARKS.md} (add {@code -Dtongban.test.db=mysql -Dspring.profiles.active=mysql}
 * for MariaDB).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@Import(RawCamundaBaseline.class)
class CaseThroughputBenchmarkTests {

    private static final String[][] STEPS = {
            {"SJ_FOOD", TestUsers.FOOD_HANDLER, TestUsers.FOOD_REVIEWER, TestUsers.FOOD_LEADER},
            {"XF_FIRE", TestUsers.FIRE_HANDLER, TestUsers.FIRE_REVIEWER, TestUsers.FIRE_LEADER},
            {"HJ_APPROVAL", TestUsers.ENV_HANDLER, TestUsers.ENV_REVIEWER, null},
            {"CG_CITYSCAPE", TestUsers.CITY_HANDLER, TestUsers.CITY_REVIEWER, null}};
    private static final int TASKS_PER_CASE = 12;

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    Environment environment;

    @Test
    void tongbanAgainstRawCamundaOnTheSameModel() throws IOException {
        int n = Integer.getInteger("bench.cases", 5);
        int warmup = Math.max(2, n / 10);
        RawCamundaBaseline.deploy(repositoryService);
        Map<String, Actor> actors = new java.util.HashMap<>();
        for (String u : List.of(TestUsers.WINDOW_CLERK, TestUsers.WINDOW_CLERK_2, TestUsers.FOOD_HANDLER,
                TestUsers.FOOD_REVIEWER, TestUsers.FOOD_LEADER, TestUsers.FIRE_HANDLER, TestUsers.FIRE_REVIEWER,
                TestUsers.FIRE_LEADER, TestUsers.ENV_HANDLER, TestUsers.ENV_REVIEWER, TestUsers.CITY_HANDLER,
                TestUsers.CITY_REVIEWER)) {
            actors.put(u, directory.findActor(u).orElseThrow());
        }
        for (int i = 0; i < warmup; i++) {
            tongbanCase(actors);
            rawCase();
        }
        long tongban = 0;
        long raw = 0;
        for (int i = 0; i < n; i++) {
            // alternate, so drift (JIT, caches, table growth) hits both sides alike
            long t0 = System.nanoTime();
            tongbanCase(actors);
            long t1 = System.nanoTime();
            rawCase();
            long t2 = System.nanoTime();
            tongban += t1 - t0;
            raw += t2 - t1;
        }
        double tongbanPerCase = tongban / 1e6 / n;
        double rawPerCase = raw / 1e6 / n;
        double ratio = tongbanPerCase / rawPerCase;
        String db = environment.getProperty("spring.datasource.url", "?").startsWith("jdbc:mysql") ? "MariaDB" : "H2";
        String table = String.format("""
                | database | cases | Tongban ms/case | raw Camunda ms/case | Tongban cases/s | raw cases/s | Tongban tasks/s | raw tasks/s | ratio (time per case) |
                |---|---|---|---|---|---|---|---|---|
                | %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | **%.2f** |
                """, db, n, tongbanPerCase, rawPerCase, 1000 / tongbanPerCase, 1000 / rawPerCase,
                TASKS_PER_CASE * 1000 / tongbanPerCase, TASKS_PER_CASE * 1000 / rawPerCase, ratio);
        System.out.println("\nCase throughput (" + n + " cases each, alternating, after " + warmup + " warm-up):\n" + table);
        assertThat(tongbanPerCase).isPositive();
        assertThat(rawPerCase).isPositive();

        String target = System.getProperty("bench.write");
        if (target != null) {
            Path file = Path.of(target).isAbsolute() ? Path.of(target) : Path.of("..").resolve(target);
            String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB max heap, " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.version") + ", " + ManagementFactory.getOperatingSystemMXBean().getName();
            Files.writeString(file, "\n### Case throughput, " + db + " — " + Instant.now() + "\n\nMachine: " + machine
                    + "\n\n" + table, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private void tongbanCase(Map<String, Actor> actors) {
        long id = cases.create(actors.get(TestUsers.WINDOW_CLERK), Fixtures.aRestaurantOpeningCase()).id();
        String instance = String.valueOf(id);
        complete(actors.get(TestUsers.WINDOW_CLERK), task(instance, "intake", null), "ACCEPT");
        for (String[] step : STEPS) {
            complete(actors.get(step[1]), task(instance, "handle", step[0]), "GRANT");
            complete(actors.get(step[2]), task(instance, "review", step[0]), "GRANT");
            if (step[3] != null) {
                complete(actors.get(step[3]), task(instance, "leaderApproval", step[0]), "GRANT");
            }
        }
        complete(actors.get(TestUsers.WINDOW_CLERK_2), task(instance, "deliver", null), null);
    }

    private void complete(Actor actor, Task task, String decision) {
        approvals.complete(actor, task.getId(), CompletionForm.of(decision, "同意"));
    }

    private void rawCase() {
        String key = "raw-" + System.nanoTime();
        runtimeService.startProcessInstanceByKey(RawCamundaBaseline.KEY, key, Variables.createVariables()
                .putValue("caseId", 0L).putValue("applicantType", "ENTERPRISE")
                .putValue("windowDepartment", "ZWFW_WINDOW").putValue("initiator", TestUsers.WINDOW_CLERK)
                .putValue("applicantName", "杭州知味小馆餐饮有限公司"));
        taskService.complete(task(key, "intake", null).getId(), Map.of("intakeDecision", "ACCEPT"));
        for (String[] step : STEPS) {
            taskService.complete(task(key, "handle", step[0]).getId(), Map.of("decision", "GRANT"));
            taskService.complete(task(key, "review", step[0]).getId(), Map.of("decision", "GRANT"));
            if (step[3] != null) {
                taskService.complete(task(key, "leaderApproval", step[0]).getId(), Map.of("decision", "GRANT"));
            }
        }
        taskService.complete(task(key, "deliver", null).getId());
    }

    /** The same lookup on both sides: the open task of an activity, in a department's branch when given. */
    private Task task(String businessKey, String activityId, String department) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activityId);
        if (department != null) {
            query.taskCandidateGroupLike(department + ":%");
        }
        return query.singleResult();
    }
}
