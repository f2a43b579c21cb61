package org.tongban.engine.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseMatterRow;
import org.tongban.engine.cases.persistence.ReviewRow;
import org.tongban.engine.cases.persistence.RoutingRow;

/**
 * 汇总决定: a matter is granted when every department that reviewed it granted; any denial denies that matter.
 * The case outcome is GRANTED, DENIED or PARTIALLY_GRANTED (some matters of a bundle granted).
 */
@Component("consolidateDecisionsDelegate")
class ConsolidateDecisionsDelegate implements JavaDelegate {

    static final String GRANT = "GRANT";
    static final String DENY = "DENY";

    private final CaseMapper mapper;
    private final CaseExchange exchange;
    private final CaseTimeline timeline;

    ConsolidateDecisionsDelegate(CaseMapper mapper, CaseTimeline timeline, CaseExchange exchange) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        Map<String, String> byDepartment = mapper.findReviews(caseId).stream()
                .collect(Collectors.toMap(ReviewRow::departmentCode, r -> r.decision() == null ? DENY : r.decision()));
        Map<String, List<String>> routing = mapper.findRoutings(caseId).stream()
                .collect(Collectors.groupingBy(RoutingRow::matterCode,
                        Collectors.mapping(RoutingRow::departmentCode, Collectors.toList())));
        int granted = 0;
        List<CaseMatterRow> matters = mapper.findMatters(caseId);
        for (CaseMatterRow matter : matters) {
            boolean grant = routing.getOrDefault(matter.matterCode(), List.of()).stream()
                    .allMatch(d -> GRANT.equals(byDepartment.get(d)));
            mapper.setMatterDecision(caseId, matter.matterCode(), grant ? GRANT : DENY);
            granted += grant ? 1 : 0;
        }
        String outcome = granted == matters.size() ? "GRANTED" : granted == 0 ? "DENIED" : "PARTIALLY_GRANTED";
        mapper.setOutcome(caseId, outcome);
        mapper.setStatus(caseId, CaseStatus.DELIVERING.name());
        exchange.reportStatus(caseId);
        timeline.event(caseId, "consolidate", "汇总决定", CaseTimeline.SYSTEM, "系统",
                "准予 " + granted + " 项，不予 " + (matters.size() - granted) + " 项");
        execution.setVariable(CaseVariables.OUTCOME, outcome);
    }
}
