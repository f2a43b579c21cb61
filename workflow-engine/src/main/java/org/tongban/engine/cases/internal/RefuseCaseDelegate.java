package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMapper;

/** 不予受理: ends the case at intake; the reason is the clerk's opinion on the intake step. */
@Component("refuseCaseDelegate")
class RefuseCaseDelegate implements JavaDelegate {

    private final CaseMapper mapper;
    private final CaseExchange exchange;
    private final CaseTimeline timeline;

    RefuseCaseDelegate(CaseMapper mapper, CaseTimeline timeline, CaseExchange exchange) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        mapper.close(caseId, CaseStatus.REFUSED.name(), timeline.now());
        exchange.reportStatus(caseId);
        timeline.event(caseId, "recordRefusal", "不予受理", CaseTimeline.SYSTEM, "系统", "已出具不予受理通知书");
    }
}
