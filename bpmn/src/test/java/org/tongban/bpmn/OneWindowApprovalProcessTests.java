package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/one-window-approval.bpmn", "bpmn/dispatch-departments.dmn"})
class OneWindowApprovalProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long CASE_ID = 20260042L;
    private static final String WINDOW = "ZWFW_WINDOW";
    private static final String CLERK = "clerk.wang";

    /** 开办餐饮店: the four matters of the restaurant-opening bundle. */
    private static final List<String> RESTAURANT_OPENING = List.of(
            "FOOD_BUSINESS_LICENSE", "FIRE_SAFETY_INSPECTION", "POLLUTANT_DISCHARGE_REGISTRATION", "OUTDOOR_SIGN_SETUP");
    /** The departments the dispatch table picks for that bundle when an enterprise applies. */
    private static final List<String> RESTAURANT_DEPARTMENTS = List.of("SJ_FOOD", "XF_FIRE", "HJ_APPROVAL", "CG_CITYSCAPE");

    /** The role in the department each task of the review is offered to. */
    private static final Map<String, String> ROLES = Map.of(
            "handle", "handler", "review", "reviewer", "leaderApproval", "leader");

    private final CaseDelegateMocks delegates = new CaseDelegateMocks();

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void closesTheCaseWhenAllDepartmentsGrant() {
        ProcessInstance process = startCase(aRestaurantOpeningCase().leaderRequiredIn("SJ_FOOD", "XF_FIRE"));
        assertThat(process).isWaitingAt("intake");
        assertThat(task(process)).isAssignedTo(CLERK);

        complete(task(process), withVariables("intakeDecision", "ACCEPT"));

        assertThat(process).hasPassed("dispatch").isWaitingAt("handle");
        ObjectValue reviewDepartments = runtimeService().getVariableTyped(process.getId(), "reviewDepartments");
        Assertions.assertThat(reviewDepartments.getSerializationDataFormat()).isEqualTo("application/json");
        Assertions.assertThat(reviewDepartments.getObjectTypeName()).isEqualTo("java.util.ArrayList<java.lang.String>");
        Assertions.assertThat(reviewDepartments.getValue()).isEqualTo(RESTAURANT_DEPARTMENTS);
        Assertions.assertThat(taskQuery().taskDefinitionKey("handle").count()).isEqualTo(4);
        for (String department : RESTAURANT_DEPARTMENTS) {
            decide(process, department, "handle", "GRANT");
            decide(process, department, "review", "GRANT");
        }
        decide(process, "SJ_FOOD", "leaderApproval", "GRANT");
        decide(process, "XF_FIRE", "leaderApproval", "GRANT");

        assertThat(process).isWaitingAt("deliver").variables().containsEntry("outcome", "GRANTED");
        Task deliver = task("deliver", process);
        assertThat(deliver).hasCandidateGroup("ZWFW_WINDOW:clerk");
        complete(deliver);

        assertThat(process).isEnded()
                .hasPassed("intake", "dispatch", "departmentReview", "handle", "review", "leaderApproval",
                        "consolidate", "deliver", "close", "closed")
                .hasNotPassed("recordRefusal", "refused", "registerSupplement", "collectPendingMaterials");
        Assertions.assertThat(passCount(process, "leaderApproval")).isEqualTo(2);
        Assertions.assertThat(passCount(process, "reviewDone")).isEqualTo(4);
        Assertions.assertThat(delegates.startedReviews).containsExactlyInAnyOrderElementsOf(RESTAURANT_DEPARTMENTS);
        Assertions.assertThat(delegates.closedCases).containsExactly(CASE_ID);
    }

    @Test
    void consolidatesAndDeliversWhenOneDepartmentDenies() {
        ProcessInstance process = startCase(aRestaurantOpeningCase().leaderRequiredIn("SJ_FOOD"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));

        decide(process, "SJ_FOOD", "handle", "DENY");
        decide(process, "SJ_FOOD", "review", "DENY");
        decide(process, "SJ_FOOD", "leaderApproval", "DENY");
        for (String department : List.of("XF_FIRE", "HJ_APPROVAL", "CG_CITYSCAPE")) {
            decide(process, department, "handle", "GRANT");
            decide(process, department, "review", "GRANT");
        }

        assertThat(process).hasPassed("consolidate").isWaitingAt("deliver")
                .variables().containsEntry("outcome", "PARTIALLY_GRANTED");
        Assertions.assertThat(delegates.consolidatedDecisions).isEqualTo(Map.of(
                "SJ_FOOD", "DENY", "XF_FIRE", "GRANT", "HJ_APPROVAL", "GRANT", "CG_CITYSCAPE", "GRANT"));
        complete(task("deliver", process));
        assertThat(process).isEnded().hasPassed("deliver", "close", "closed");
    }

    @Test
    void endsAtRefusedWithoutDispatchWhenIntakeRefuses() {
        ProcessInstance process = startCase(aRestaurantOpeningCase());

        complete(task(process), withVariables("intakeDecision", "REFUSE"));

        assertThat(process).isEnded().hasPassed("recordRefusal", "refused")
                .hasNotPassed("dispatch", "departmentReview", "closed");
        Assertions.assertThat(delegates.dispatchRuns).isZero();
        Assertions.assertThat(delegates.refusedCases).containsExactly(CASE_ID);
        Assertions.assertThat(delegates.closedCases).isEmpty();
    }

    @Test
    void sendsASupplementRequestToTheWindowAndBackToTheHandler() {
        ProcessInstance process = startCase(aRestaurantOpeningCase());
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));
        Task fireHandling = departmentTask(process, "XF_FIRE", "handle");

        decide(process, "SJ_FOOD", "handle", "SUPPLEMENT");

        Task supplement = task("registerSupplement", process);
        assertThat(supplement).hasCandidateGroup("ZWFW_WINDOW:clerk");
        Assertions.assertThat(taskQuery().taskDefinitionKey("handle").taskCandidateGroup("SJ_FOOD:handler").count())
                .isZero();
        // the other departments are not held up meanwhile
        Assertions.assertThat(departmentTask(process, "XF_FIRE", "handle").getId()).isEqualTo(fireHandling.getId());
        decide(process, "XF_FIRE", "handle", "GRANT");
        Assertions.assertThat(departmentTask(process, "XF_FIRE", "review")).isNotNull();

        complete(supplement);

        Task foodHandling = departmentTask(process, "SJ_FOOD", "handle");
        assertThat(foodHandling).hasCandidateGroup("SJ_FOOD:handler");
        decide(process, "SJ_FOOD", "handle", "GRANT");
        decide(process, "SJ_FOOD", "review", "GRANT");
        decide(process, "XF_FIRE", "review", "GRANT");
        for (String department : List.of("HJ_APPROVAL", "CG_CITYSCAPE")) {
            decide(process, department, "handle", "GRANT");
            decide(process, department, "review", "GRANT");
        }

        assertThat(process).isWaitingAt("deliver").variables().containsEntry("outcome", "GRANTED");
        Assertions.assertThat(passCount(process, "registerSupplement")).isEqualTo(1);
        Assertions.assertThat(passCount(process, "handle")).isEqualTo(5);
        Assertions.assertThat(delegates.decisionsByDepartment).containsEntry("SJ_FOOD", "GRANT");
    }

    @Test
    void collectsPendingMaterialsBeforeDeliveryWhenAcceptedWithPendingMaterials() {
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT_WITH_PENDING"));
        decide(process, "SJ_FOOD", "handle", "GRANT");
        decide(process, "SJ_FOOD", "review", "GRANT");

        assertThat(process).isWaitingAt("collectPendingMaterials");
        Task collect = task("collectPendingMaterials", process);
        assertThat(collect).hasCandidateGroup("ZWFW_WINDOW:clerk");
        complete(collect);

        assertThat(process).isWaitingAt("deliver");
        complete(task("deliver", process));
        assertThat(process).isEnded().hasPassed("collectPendingMaterials", "deliver", "closed");
    }

    @Test
    void deliversWithoutCollectingPendingMaterialsWhenEverythingIsDenied() {
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT_WITH_PENDING"));
        decide(process, "SJ_FOOD", "handle", "DENY");
        decide(process, "SJ_FOOD", "review", "DENY");

        assertThat(process).isWaitingAt("deliver").variables().containsEntry("outcome", "DENIED");
        assertThat(process).hasNotPassed("collectPendingMaterials");
    }

    @Test
    void keepsEachDepartmentsDecisionInItsOwnBranch() {
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE", "OUTDOOR_SIGN_SETUP"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));

        decide(process, "SJ_FOOD", "handle", "DENY");
        decide(process, "CG_CITYSCAPE", "handle", "GRANT");

        Assertions.assertThat(decisionSeenBy(departmentTask(process, "SJ_FOOD", "review"))).isEqualTo("DENY");
        Assertions.assertThat(decisionSeenBy(departmentTask(process, "CG_CITYSCAPE", "review"))).isEqualTo("GRANT");
        Assertions.assertThat(runtimeService().getVariablesLocal(process.getId())).doesNotContainKey("decision");

        decide(process, "CG_CITYSCAPE", "review", "GRANT");
        decide(process, "SJ_FOOD", "review", "DENY");

        Assertions.assertThat(delegates.decisionsByDepartment)
                .isEqualTo(Map.of("SJ_FOOD", "DENY", "CG_CITYSCAPE", "GRANT"));
        assertThat(process).isWaitingAt("deliver").variables()
                .containsEntry("outcome", "PARTIALLY_GRANTED")
                .doesNotContainKey("decision")
                .doesNotContainKey("leaderRequired");
    }

    @Test
    void raisesYellowThenRedForEachDepartmentAtItsOwnDatesWithoutStoppingItsReview() {
        Instant start = Instant.parse("2026-09-28T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE", "OUTDOOR_SIGN_SETUP")
                .timeLimit("CG_CITYSCAPE", Duration.ofDays(2), Duration.ofDays(3)));
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));
        Task signHandling = departmentTask(process, "CG_CITYSCAPE", "handle");

        // two timers on each department's open task, at the dates its own branch holds
        Assertions.assertThat(timers(process)).extracting(Job::getDuedate).containsExactlyInAnyOrder(
                Date.from(start.plus(Duration.ofDays(2))), Date.from(start.plus(Duration.ofDays(3))),
                Date.from(start.plus(Duration.ofDays(6))), Date.from(start.plus(Duration.ofDays(9))));

        Assertions.assertThat(executeDueJobsAt(process, start.plus(Duration.ofDays(2)).plusSeconds(60))).isEqualTo(1);
        Assertions.assertThat(delegates.warnedReviews).containsExactly("CG_CITYSCAPE");
        Assertions.assertThat(delegates.escalatedReviews).isEmpty();

        Assertions.assertThat(executeDueJobsAt(process, start.plus(Duration.ofDays(3)).plusSeconds(60))).isEqualTo(1);
        Assertions.assertThat(delegates.escalatedReviews).containsExactly("CG_CITYSCAPE");
        // non-interrupting: the overdue department's handler still has the same task
        Assertions.assertThat(departmentTask(process, "CG_CITYSCAPE", "handle").getId()).isEqualTo(signHandling.getId());
        assertThat(process).hasPassed("warnReview", "escalateReview").isWaitingAt("handle");

        decide(process, "CG_CITYSCAPE", "handle", "GRANT");
        // the next task of the overdue department gets timers at the same, passed, dates: they fire again at once
        Assertions.assertThat(executeDueJobsAt(process, start.plus(Duration.ofDays(3)).plusSeconds(120))).isEqualTo(2);
        Assertions.assertThat(delegates.warnedReviews).containsExactly("CG_CITYSCAPE", "CG_CITYSCAPE");
        decide(process, "CG_CITYSCAPE", "review", "GRANT");
        Assertions.assertThat(timers(process)).as("the finished department's timers are gone").hasSize(2);

        Assertions.assertThat(executeDueJobsAt(process, start.plus(Duration.ofDays(10)))).isEqualTo(2);
        Assertions.assertThat(delegates.warnedReviews).endsWith("SJ_FOOD");
        Assertions.assertThat(delegates.escalatedReviews).containsExactly("CG_CITYSCAPE", "CG_CITYSCAPE", "SJ_FOOD");
        decide(process, "SJ_FOOD", "handle", "GRANT");
        decide(process, "SJ_FOOD", "review", "GRANT");
        assertThat(process).isWaitingAt("deliver");
        Assertions.assertThat(timers(process)).isEmpty();
    }

    @Test
    void leavesNoTimerBehindWhenTheDepartmentsFinishInTime() {
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));
        Assertions.assertThat(timers(process)).hasSize(2);
        Assertions.assertThat(runtimeService().getVariable(departmentTask(process, "SJ_FOOD", "handle").getExecutionId(),
                "dueAt")).isInstanceOf(Date.class);

        decide(process, "SJ_FOOD", "handle", "GRANT");
        decide(process, "SJ_FOOD", "review", "GRANT");

        assertThat(process).isWaitingAt("deliver").hasNotPassed("warnReview", "escalateReview");
        Assertions.assertThat(timers(process)).isEmpty();
        Assertions.assertThat(delegates.warnedReviews).isEmpty();
    }

    @Test
    void stopsTheDepartmentsClockWhileTheApplicantSupplements() {
        ProcessInstance process = startCase(aCaseFor("FOOD_BUSINESS_LICENSE", "OUTDOOR_SIGN_SETUP"));
        complete(task(process), withVariables("intakeDecision", "ACCEPT"));

        decide(process, "SJ_FOOD", "handle", "SUPPLEMENT");
        Assertions.assertThat(delegates.clockEvents).containsExactly("pause:SJ_FOOD");
        // the supplement step has no timers: only the other department's two are left
        Assertions.assertThat(timers(process)).hasSize(2);
        Task supplement = task("registerSupplement", process);
        runtimeService().setVariable(supplement.getExecutionId(), "dueAt",
                Date.from(Instant.parse("2030-01-02T09:30:00Z"))); // what the real listener does on resume
        complete(supplement);

        Assertions.assertThat(delegates.clockEvents).containsExactly("pause:SJ_FOOD", "resume:SJ_FOOD");
        Task handling = departmentTask(process, "SJ_FOOD", "handle");
        // the new handle task's timers read the moved dates
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(process.getId())
                        .duedateHigherThan(Date.from(Instant.parse("2030-01-01T00:00:00Z"))).list())
                .extracting(Job::getDuedate).containsExactly(Date.from(Instant.parse("2030-01-02T09:30:00Z")));
        Assertions.assertThat(timers(process)).hasSize(4);
        Assertions.assertThat(handling.getTaskDefinitionKey()).isEqualTo("handle");
    }

    // --- fixtures and helpers

    private static List<Job> timers(ProcessInstance process) {
        return managementService().createJobQuery().processInstanceId(process.getId()).timers().list();
    }

    /** Moves the engine's clock to {@code now} and executes the process's jobs that are due; returns how many. */
    private static int executeDueJobsAt(ProcessInstance process, Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        List<Job> due = managementService().createJobQuery().processInstanceId(process.getId()).executable().list();
        due.forEach(job -> managementService().executeJob(job.getId()));
        return due.size();
    }

    private CaseDelegateMocks aRestaurantOpeningCase() {
        return delegates.matters(RESTAURANT_OPENING);
    }

    private CaseDelegateMocks aCaseFor(String... matterCodes) {
        return delegates.matters(List.of(matterCodes));
    }

    private ProcessInstance startCase(CaseDelegateMocks mocks) {
        mocks.register();
        return runtimeService().startProcessInstanceByKey(ProcessKeys.ONE_WINDOW_APPROVAL, Long.toString(CASE_ID),
                Variables.createVariables()
                        .putValue("caseId", CASE_ID)
                        .putValue("applicantType", "ENTERPRISE")
                        .putValue("windowDepartment", WINDOW)
                        .putValue("initiator", CLERK));
    }

    /** Finds the department's task through its candidate group ("SJ_FOOD:handler" …) and completes it. */
    private static void decide(ProcessInstance process, String department, String taskKey, String decision) {
        complete(departmentTask(process, department, taskKey), withVariables("decision", decision));
    }

    private static Task departmentTask(ProcessInstance process, String department, String taskKey) {
        String group = department + ":" + ROLES.get(taskKey);
        Task found = taskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                .taskCandidateGroup(group).singleResult();
        Assertions.assertThat(found).as("%s task offered to %s", taskKey, group).isNotNull();
        assertThat(found).hasCandidateGroup(group);
        return found;
    }

    private static Object decisionSeenBy(Task task) {
        return runtimeService().getVariable(task.getExecutionId(), "decision");
    }

    private static long passCount(ProcessInstance process, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(activityId).finished().count();
    }
}
