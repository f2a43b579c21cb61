package org.tongban.engine.supervision.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineSubject;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.SubItemStatus;
import org.tongban.engine.supervision.SupervisionItemStatus;
import org.tongban.engine.supervision.SupervisionSource;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SubItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/**
 * Start and end of one sub-item's branch. At the start: the branch's local variables (unit, reportKind, decision)
 * and the sub-item's clock, due at the deadline the supervisor chose. At the end: the sub-item is done (its closing
 * request accepted) or cancelled, its clock stops, and once every sub-item is through the item waits for 销号.
 */
@Component("subItemListener")
class SubItemListener implements ExecutionListener {

    private final SupervisionMapper mapper;
    private final DeadlineService deadlines;
    private final DirectoryService directory;
    private final SupervisionLog log;
    private final EngineClock clock;

    SubItemListener(SupervisionMapper mapper, DeadlineService deadlines, DirectoryService directory, SupervisionLog log,
                    EngineClock clock) {
        this.mapper = mapper;
        this.deadlines = deadlines;
        this.directory = directory;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long subItemId = ((Number) execution.getVariable(SupervisionVariables.SUB_ITEM_ID)).longValue();
        SubItemRow sub = mapper.findSubItem(subItemId);
        if (EVENTNAME_START.equals(execution.getEventName())) {
            ItemRow item = mapper.findItem(sub.itemId);
            String unit = directory.department(sub.unitDepartment).map(Department::name).orElse(sub.unitDepartment);
            Deadline subClock = deadlines.openUntil(new DeadlineSubject(DeadlineKind.SUPERVISION_TASK, subItemId, null,
                    item.itemNumber, item.title + "（" + unit + "）", sub.agencyCode, sub.unitDepartment, item.source),
                    sub.dueAt, execution.getProcessInstanceId());
            execution.setVariableLocal(SupervisionVariables.UNIT, sub.unitDepartment);
            // a rectification after a poor rating is the department leader's own task (整改 by the one in charge)
            execution.setVariableLocal(SupervisionVariables.UNIT_ROLE,
                    SupervisionSource.RATING.name().equals(item.source) ? "leader" : "handler");
            execution.setVariableLocal(SupervisionVariables.REPORT_KIND, null);
            execution.setVariableLocal(SupervisionVariables.DECISION, null);
            execution.setVariablesLocal(DeadlineVariables.of(subClock));
        } else if (EVENTNAME_END.equals(execution.getEventName())) {
            boolean done = SupervisionTaskHandler.ACCEPT.equals(execution.getVariableLocal(SupervisionVariables.DECISION))
                    && SupervisionTaskHandler.REQUEST_CLOSE.equals(
                            execution.getVariableLocal(SupervisionVariables.REPORT_KIND));
            mapper.setSubItemStatus(subItemId, (done ? SubItemStatus.DONE : SubItemStatus.CANCELLED).name(), clock.now());
            deadlines.find(DeadlineKind.SUPERVISION_TASK, subItemId, null).ifPresent(d -> {
                if (done) {
                    deadlines.close(d.id());
                } else {
                    deadlines.cancel(d.id());
                }
            });
            log.system(sub.itemId, subItemId, done ? "SUB_ITEM_DONE" : "SUB_ITEM_CANCELLED", null);
            boolean allThrough = mapper.findSubItems(sub.itemId).stream()
                    .allMatch(s -> SubItemStatus.DONE.name().equals(s.status)
                            || SubItemStatus.CANCELLED.name().equals(s.status));
            if (allThrough) {
                mapper.setStatus(sub.itemId, SupervisionItemStatus.CLOSING.name());
            }
        }
    }
}
