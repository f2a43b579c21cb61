package org.tongban.engine.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseMatterRow;
import org.tongban.engine.cases.persistence.ReviewRow;
import org.tongban.engine.cases.persistence.RoutingRow;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterCatalog;

/**
 * 分办: asks the {@code dispatch-departments} table which department reviews each matter of the case, records
 * the routing and one review per department, starts the case's clock, and hands the departments to the parallel
 * review.
 */
@Component("dispatchDepartmentsDelegate")
class DispatchDepartmentsDelegate implements JavaDelegate {

    private final DecisionService decisionService;
    private final CaseMapper mapper;
    private final CaseExchange exchange;
    private final MatterCatalog catalog;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final DirectoryService directory;

    DispatchDepartmentsDelegate(DecisionService decisionService, CaseMapper mapper, MatterCatalog catalog,
                                CaseTimeline timeline, CaseClocks clocks, CaseExchange exchange,
                                DirectoryService directory) {
        this.directory = directory;
        this.exchange = exchange;
        this.decisionService = decisionService;
        this.mapper = mapper;
        this.catalog = catalog;
        this.timeline = timeline;
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        String applicantType = (String) execution.getVariable(CaseVariables.APPLICANT_TYPE);
        Map<String, Matter> matters = catalog.mattersByCode();
        // a case sent back to intake is dispatched again: the new routing replaces the old one
        mapper.deleteRoutings(caseId);
        mapper.deleteReviews(caseId);
        Set<String> departments = new LinkedHashSet<>();
        Set<String> needLeader = new LinkedHashSet<>();
        for (CaseMatterRow caseMatter : mapper.findMatters(caseId)) {
            List<String> routed = decisionService.evaluateDecisionTableByKey(ProcessKeys.DISPATCH_DEPARTMENTS,
                            Variables.createVariables().putValue("matterCode", caseMatter.matterCode())
                                    .putValue("applicantType", applicantType))
                    .collectEntries("departmentCode");
            if (routed.isEmpty()) {
                // a catalogue/table mismatch: fail the step so the window sees it instead of losing the matter
                throw new IllegalStateException("分办规则未给事项 " + caseMatter.matterCode() + " 指定审查部门");
            }
            for (String department : routed) {
                mapper.insertRouting(new RoutingRow(caseId, caseMatter.matterCode(), department));
                departments.add(department);
                if (matters.get(caseMatter.matterCode()).leaderRequired()) {
                    needLeader.add(department);
                }
            }
        }
        for (String department : departments) {
            mapper.insertReview(new ReviewRow(caseId, department, needLeader.contains(department), "PENDING", null,
                    timeline.now(), null));
        }
        mapper.setStatus(caseId, CaseStatus.IN_REVIEW.name());
        exchange.reportStatus(caseId);
        // the timeline is read by people: departments by name (the code where the directory lacks it)
        List<String> names = departments.stream()
                .map(code -> directory.department(code).map(Department::name).orElse(code)).toList();
        timeline.event(caseId, "dispatch", "分办", CaseTimeline.SYSTEM, "系统",
                "分送 " + String.join("、", names) + " 并联审查");
        execution.setVariable(CaseVariables.REVIEW_DEPARTMENTS, new ArrayList<>(departments));
        // the case's clock starts at acceptance; tasks outside the reviews (deliver …) are due by it
        Deadline clock = clocks.openCase(caseId);
        execution.setVariable(DeadlineVariables.DEADLINE_ID, clock.id());
    }
}
