package org.tongban.bpmn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the delegate beans of {@code one-window-approval}, registered under the bean names the model
 * uses. Each does what the real bean contracts to do with the process variables, and remembers what it saw
 * instead of touching a database.
 */
final class CaseDelegateMocks {

    /** The matters of the case, as the real dispatch delegate would read them from the case row. */
    private final List<String> matterCodes = new ArrayList<>();
    /** Departments whose matter needs a leader's approval (the real listener reads tb_matter.leader_required). */
    private final Set<String> leaderRequiredDepartments = new LinkedHashSet<>();

    final List<Long> refusedCases = new ArrayList<>();
    final List<Long> closedCases = new ArrayList<>();
    final List<String> startedReviews = new ArrayList<>();
    /** Each branch's final decision, as the department listener's end callback saw it. */
    final Map<String, String> decisionsByDepartment = new LinkedHashMap<>();
    /** What the consolidate delegate was given to decide on. */
    final Map<String, String> consolidatedDecisions = new LinkedHashMap<>();
    int dispatchRuns;
    /** Departments whose yellow timer fired, in order. */
    final List<String> warnedReviews = new ArrayList<>();
    /** Departments whose deadline timer fired, in order. */
    final List<String> escalatedReviews = new ArrayList<>();
    /** "pause:DEPT" and "resume:DEPT", in order, as the supplement clock listener saw them. */
    final List<String> clockEvents = new ArrayList<>();
    /** Per department: how long after the review starts it turns yellow and red (default 6 and 9 days). */
    private final Map<String, Duration[]> timeLimits = new LinkedHashMap<>();
    private long deadlines;

    CaseDelegateMocks matters(Collection<String> codes) {
        matterCodes.clear();
        matterCodes.addAll(codes);
        return this;
    }

    CaseDelegateMocks leaderRequiredIn(String... departments) {
        leaderRequiredDepartments.addAll(List.of(departments));
        return this;
    }

    /** The department's review turns yellow {@code yellowAfter} and red {@code dueAfter} after it starts. */
    CaseDelegateMocks timeLimit(String department, Duration yellowAfter, Duration dueAfter) {
        timeLimits.put(department, new Duration[] {yellowAfter, dueAfter});
        return this;
    }

    CaseDelegateMocks register() {
        Mocks.register("refuseCaseDelegate", (JavaDelegate) execution -> refusedCases.add(caseId(execution)));
        Mocks.register("dispatchDepartmentsDelegate", (JavaDelegate) this::dispatch);
        Mocks.register("departmentReviewListener", (ExecutionListener) this::onDepartmentReview);
        Mocks.register("consolidateDecisionsDelegate", (JavaDelegate) this::consolidate);
        Mocks.register("closeCaseDelegate", (JavaDelegate) execution -> closedCases.add(caseId(execution)));
        Mocks.register("reviewDueSoonDelegate", (JavaDelegate) execution -> warnedReviews.add(department(execution)));
        Mocks.register("reviewOverdueDelegate", (JavaDelegate) execution -> escalatedReviews.add(department(execution)));
        Mocks.register("supplementClockListener", (ExecutionListener) execution -> clockEvents.add(
                (ExecutionListener.EVENTNAME_START.equals(execution.getEventName()) ? "pause:" : "resume:")
                        + department(execution)));
        return this;
    }

    /** Evaluates the dispatch table for every matter of the case; sets reviewDepartments (distinct, in order). */
    private void dispatch(DelegateExecution execution) {
        dispatchRuns++;
        caseId(execution);
        Set<String> departments = new LinkedHashSet<>();
        for (String matterCode : matterCodes) {
            departments.addAll(execution.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionTableByKey(ProcessKeys.DISPATCH_DEPARTMENTS, Variables.createVariables()
                            .putValue("matterCode", matterCode)
                            .putValue("applicantType", execution.getVariable("applicantType")))
                    .collectEntries("departmentCode"));
        }
        execution.setVariable("reviewDepartments", new ArrayList<>(departments));
    }

    private void onDepartmentReview(DelegateExecution execution) {
        String department = (String) execution.getVariable("department");
        if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
            startedReviews.add(department);
            execution.setVariableLocal("leaderRequired", leaderRequiredDepartments.contains(department));
            execution.setVariableLocal("decision", null);
            // the real listener opens the department's clock on the official calendar
            Duration[] limit = timeLimits.getOrDefault(department, new Duration[] {Duration.ofDays(6), Duration.ofDays(9)});
            Instant now = ClockUtil.getCurrentTime().toInstant();
            execution.setVariableLocal("deadlineId", ++deadlines);
            execution.setVariableLocal("yellowAt", Date.from(now.plus(limit[0])));
            execution.setVariableLocal("dueAt", Date.from(now.plus(limit[1])));
        } else {
            decisionsByDepartment.put(department, (String) execution.getVariable("decision"));
        }
    }

    /** GRANTED when every department granted, DENIED when none did, else PARTIALLY_GRANTED. */
    private void consolidate(DelegateExecution execution) {
        caseId(execution);
        consolidatedDecisions.putAll(decisionsByDepartment);
        long granted = decisionsByDepartment.values().stream().filter("GRANT"::equals).count();
        String outcome = granted == decisionsByDepartment.size() ? "GRANTED"
                : granted == 0 ? "DENIED"
                : "PARTIALLY_GRANTED";
        execution.setVariable("outcome", outcome);
    }

    private static String department(DelegateExecution execution) {
        return (String) execution.getVariable("department");
    }

    /** The real delegates look the case up by this variable; it must be a Long. */
    private static Long caseId(DelegateExecution execution) {
        return (Long) execution.getVariable("caseId");
    }
}
