package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.deadline.DeadlineService;

/** 办结: the result has been delivered; the case is closed and its clock stops (on time or late). */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseMapper mapper;
    private final CaseExchange exchange;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final DeadlineService deadlines;

    CloseCaseDelegate(CaseMapper mapper, CaseTimeline timeline, CaseClocks clocks, DeadlineService deadlines, CaseExchange exchange) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.timeline = timeline;
        this.clocks = clocks;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        mapper.close(caseId, CaseStatus.CLOSED.name(), timeline.now());
        exchange.reportStatus(caseId);
        timeline.event(caseId, "close", "办结", CaseTimeline.SYSTEM, "系统", null);
        clocks.caseClock(caseId).ifPresent(clock -> deadlines.close(clock.id()));
    }
}
