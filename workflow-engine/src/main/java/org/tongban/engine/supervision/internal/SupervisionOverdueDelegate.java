package org.tongban.engine.supervision.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/**
 * 红灯逾期, once per clock. An overdue sub-item escalates to the higher leader: the supervising department's
 * leaders, and the unit's own leaders, are told, and the sub-item is marked escalated. An overdue item is reported
 * to the supervising department's leaders. The work goes on; logged on the item.
 */
@Component("supervisionOverdueDelegate")
class SupervisionOverdueDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final NotificationService notifications;
    private final SupervisionMapper mapper;
    private final SupervisionLog log;
    private final EngineClock clock;

    SupervisionOverdueDelegate(DeadlineService deadlines, NotificationService notifications, SupervisionMapper mapper,
                               SupervisionLog log, EngineClock clock) {
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.mapper = mapper;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long deadlineId = ((Number) execution.getVariable(DeadlineVariables.DEADLINE_ID)).longValue();
        if (!deadlines.raiseRed(deadlineId)) {
            return;
        }
        Deadline overdue = deadlines.get(deadlineId);
        long itemId = ((Number) execution.getVariable(SupervisionVariables.ITEM_ID)).longValue();
        ItemRow item = mapper.findItem(itemId);
        String title = "逾期：" + item.itemNumber + " 已于 " + SupervisionDueSoonDelegate.SHOWN.format(overdue.dueAt())
                + " 到期";
        String leaders = item.supervisorDepartment + ":leader";
        if (overdue.kind() == DeadlineKind.SUPERVISION_TASK) {
            mapper.setEscalated(overdue.subjectId(), clock.now());
            notifications.toGroup(overdue.departmentCode() + ":leader", NotificationType.OVERDUE, title,
                    overdue.title(), "SUPERVISION_ITEM", itemId);
            notifications.toGroup(leaders, NotificationType.ESCALATION, "督办升级：" + overdue.title(), title,
                    "SUPERVISION_ITEM", itemId);
            log.system(itemId, overdue.subjectId(), "ESCALATED", title);
        } else {
            notifications.toGroup(leaders, NotificationType.ESCALATION, "督办升级：" + item.title, title,
                    "SUPERVISION_ITEM", itemId);
            log.system(itemId, null, "ESCALATED", title);
        }
    }
}
