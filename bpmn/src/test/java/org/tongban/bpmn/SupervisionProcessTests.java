package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The supervision model with mocks, its timers driven by the engine's clock. */
@Deployment(resources = "bpmn/supervision.bpmn")
class SupervisionProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long ITEM_ID = 7L;
    private static final String SUPERVISORS = "GOV_SUPERVISION:supervisor";
    private static final String SUPERVISING_LEADERS = "GOV_SUPERVISION:leader";
    private static final Instant OPENED = Instant.parse("2026-03-02T01:00:00Z");

    private final SupervisionDelegateMocks delegates = new SupervisionDelegateMocks();

    @BeforeEach
    void startTheClock() {
        ClockUtil.setCurrentTime(Date.from(OPENED));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void splitsAssignsReviewsEachReportAndClosesAfterTheLeadersApproval() {
        ProcessInstance process = open(false);
        assertThat(process).isWaitingAt("split");
        assertThat(task(process)).hasCandidateGroup(SUPERVISORS);

        delegates.subItemsFor("SJ_FOOD", "XF_FIRE");
        complete(task(process));

        assertThat(process).hasPassed("assign").isWaitingAt("report");
        Assertions.assertThat(taskQuery().taskDefinitionKey("report").count()).isEqualTo(2);
        report(process, "SJ_FOOD", "PROGRESS");
        Task review = task("reviewFeedback", process);
        assertThat(review).hasCandidateGroup(SUPERVISORS);
        complete(review, withVariables("decision", "ACCEPT"));
        // a progress report, even accepted, leaves the unit reporting
        report(process, "SJ_FOOD", "REQUEST_CLOSE");
        complete(task("reviewFeedback", process), withVariables("decision", "ACCEPT"));
        Assertions.assertThat(delegates.finishedSubItems).containsExactly("SJ_FOOD");

        report(process, "XF_FIRE", "REQUEST_CLOSE");
        complete(task("reviewFeedback", process), withVariables("decision", "RETURN"));
        report(process, "XF_FIRE", "REQUEST_CLOSE");
        complete(task("reviewFeedback", process), withVariables("decision", "ACCEPT"));

        Task closure = task("approveClosure", process);
        assertThat(closure).hasCandidateGroup(SUPERVISING_LEADERS);
        complete(closure, withVariables("closureDecision", "APPROVE"));

        assertThat(process).isEnded().hasPassed("closeItem", "itemClosed").hasNotPassed("remindFeedback");
        Assertions.assertThat(delegates.finishedSubItems).containsExactly("SJ_FOOD", "XF_FIRE");
        Assertions.assertThat(delegates.closedItems).containsExactly(ITEM_ID);
        Assertions.assertThat(timers(process)).isEmpty();
    }

    @Test
    void goesStraightToTheUnitsWhenTheSubItemsCameWithTheItem() {
        delegates.subItemsFor("CG_CITYSCAPE");
        ProcessInstance process = open(true);

        assertThat(process).hasNotPassed("split").isWaitingAt("report");
        assertThat(task("report", process)).hasCandidateGroup("CG_CITYSCAPE:handler");
    }

    @Test
    void aReturnedClosureGoesBackToTheSupervisorWhoAssignsOnlyTheNewSubItems() {
        delegates.subItemsFor("SJ_FOOD");
        ProcessInstance process = open(true);
        report(process, "SJ_FOOD", "REQUEST_CLOSE");
        complete(task("reviewFeedback", process), withVariables("decision", "ACCEPT"));
        complete(task("approveClosure", process), withVariables("closureDecision", "RETURN"));

        assertThat(process).isWaitingAt("split");
        delegates.subItemsFor("SJ_REG");
        complete(task("split", process));

        Assertions.assertThat(taskQuery().processInstanceId(process.getId()).taskDefinitionKey("report").list())
                .singleElement().satisfies(t -> assertThat(t).hasCandidateGroup("SJ_REG:handler"));
    }

    @Test
    void remindsAUnitThatOwesAReportOncePerCycle() {
        delegates.subItemsFor("SJ_FOOD").subItemLimits(Duration.ofDays(30), Duration.ofDays(40));
        ProcessInstance process = open(true, Duration.ofDays(50), Duration.ofDays(60));

        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(7)).minusSeconds(60))).isZero();
        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(7)).plusSeconds(60))).isEqualTo(1);
        Assertions.assertThat(delegates.remindedUnits).containsExactly("SJ_FOOD");
        assertThat(process).isWaitingAt("report");

        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(14)).plusSeconds(120))).isEqualTo(1);
        Assertions.assertThat(delegates.remindedUnits).containsExactly("SJ_FOOD", "SJ_FOOD");

        // reporting stops the cycle; the next report task starts a new one
        report(process, "SJ_FOOD", "PROGRESS");
        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(22)))).isZero();
        complete(task("reviewFeedback", process), withVariables("decision", "ACCEPT"));
        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(28)))).isZero();
        Assertions.assertThat(runDueJobsAt(process, OPENED.plus(Duration.ofDays(29)).plusSeconds(60))).isEqualTo(1);
        Assertions.assertThat(delegates.remindedUnits).hasSize(3);
    }

    @Test
    void warnsAndEscalatesAnOverdueSubItemAndTheItemWithoutStoppingTheWork() {
        delegates.subItemsFor("SJ_FOOD").subItemLimits(Duration.ofDays(3), Duration.ofDays(5));
        ProcessInstance process = open(true);
        String reportTask = task("report", process).getId();

        runDueJobsAt(process, OPENED.plus(Duration.ofDays(3)).plusSeconds(60));
        Assertions.assertThat(delegates.warned).containsExactly("SJ_FOOD");
        runDueJobsAt(process, OPENED.plus(Duration.ofDays(5)).plusSeconds(60));
        Assertions.assertThat(delegates.escalated).containsExactly("SJ_FOOD");
        Assertions.assertThat(task("report", process).getId()).isEqualTo(reportTask);

        runDueJobsAt(process, OPENED.plus(Duration.ofDays(10)).plusSeconds(60));
        Assertions.assertThat(delegates.warned).containsExactly("SJ_FOOD", "ITEM");
        Assertions.assertThat(delegates.escalated).containsExactly("SJ_FOOD", "ITEM");
        Assertions.assertThat(delegates.remindedUnits).containsExactly("SJ_FOOD");
        assertThat(process).isWaitingAt("report");
    }

    // --- helpers

    /** 立项 with the item's clock: yellow after 8 days, due after 10. */
    private ProcessInstance open(boolean presplit) {
        return open(presplit, Duration.ofDays(8), Duration.ofDays(10));
    }

    private ProcessInstance open(boolean presplit, Duration itemYellow, Duration itemDue) {
        delegates.register();
        return runtimeService().startProcessInstanceByKey(ProcessKeys.SUPERVISION, Long.toString(ITEM_ID),
                Variables.createVariables()
                        .putValue("itemId", ITEM_ID)
                        .putValue("supervisorDepartment", "GOV_SUPERVISION")
                        .putValue("feedbackCycle", "R/P7D")
                        .putValue("presplit", presplit)
                        .putValue("deadlineId", 1L)
                        .putValue("yellowAt", Date.from(OPENED.plus(itemYellow)))
                        .putValue("dueAt", Date.from(OPENED.plus(itemDue))));
    }

    private static void report(ProcessInstance process, String unit, String kind) {
        Task task = taskQuery().processInstanceId(process.getId()).taskDefinitionKey("report")
                .taskCandidateGroup(unit + ":handler").singleResult();
        Assertions.assertThat(task).as("%s's report task", unit).isNotNull();
        complete(task, withVariables("reportKind", kind));
    }

    private static List<Job> timers(ProcessInstance process) {
        return managementService().createJobQuery().processInstanceId(process.getId()).timers().list();
    }

    private static int runDueJobsAt(ProcessInstance process, Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        List<Job> due = managementService().createJobQuery().processInstanceId(process.getId()).executable().list();
        due.forEach(job -> managementService().executeJob(job.getId()));
        return due.size();
    }
}
