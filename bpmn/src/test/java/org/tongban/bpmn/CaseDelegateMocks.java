package org.tongban.bpmn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    CaseDelegateMocks matters(Collection<String> codes) {
        matterCodes.clear();
        matterCodes.addAll(codes);
        return this;
    }

    CaseDelegateMocks leaderRequiredIn(String... departments) {
        leaderRequiredDepartments.addAll(List.of(departments));
        return this;
    }

    CaseDelegateMocks register() {
        Mocks.register("refuseCaseDelegate", (JavaDelegate) execution -> refusedCases.add(caseId(execution)));
        Mocks.register("dispatchDepartmentsDelegate", (JavaDelegate) this::dispatch);
        Mocks.register("departmentReviewListener", (ExecutionListener) this::onDepartmentReview);
        Mocks.register("consolidateDecisionsDelegate", (JavaDelegate) this::consolidate);
        Mocks.register("closeCaseDelegate", (JavaDelegate) execution -> closedCases.add(caseId(execution)));
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

    /** The real delegates look the case up by this variable; it must be a Long. */
    private static Long caseId(DelegateExecution execution) {
        return (Long) execution.getVariable("caseId");
    }
}
