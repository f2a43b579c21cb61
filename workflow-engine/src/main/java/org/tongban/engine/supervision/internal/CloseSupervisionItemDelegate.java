package org.tongban.engine.supervision.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/** 销号: the supervising leader approved; the item is closed and its clock stops (on time or late). */
@Component("closeSupervisionItemDelegate")
class CloseSupervisionItemDelegate implements JavaDelegate {

    private final SupervisionMapper mapper;
    private final DeadlineService deadlines;
    private final SupervisionLog log;
    private final EngineClock clock;

    CloseSupervisionItemDelegate(SupervisionMapper mapper, DeadlineService deadlines, SupervisionLog log,
                                 EngineClock clock) {
        this.mapper = mapper;
        this.deadlines = deadlines;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long itemId = ((Number) execution.getVariable(SupervisionVariables.ITEM_ID)).longValue();
        mapper.closeItem(itemId, clock.now());
        deadlines.find(DeadlineKind.SUPERVISION_ITEM, itemId, null).ifPresent(d -> deadlines.close(d.id()));
        log.system(itemId, null, "CLOSED", "已销号");
    }
}
