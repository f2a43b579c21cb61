package org.tongban.engine.supervision.internal;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/**
 * 黄灯预警 of a sub-item (its unit's handlers are told) or of the whole item (the supervisors are told), once per
 * clock; logged on the item.
 */
@Component("supervisionDueSoonDelegate")
class SupervisionDueSoonDelegate implements JavaDelegate {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final DeadlineService deadlines;
    private final NotificationService notifications;
    private final SupervisionMapper mapper;
    private final SupervisionLog log;

    SupervisionDueSoonDelegate(DeadlineService deadlines, NotificationService notifications, SupervisionMapper mapper,
                               SupervisionLog log) {
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long deadlineId = ((Number) execution.getVariable(DeadlineVariables.DEADLINE_ID)).longValue();
        if (!deadlines.raiseYellow(deadlineId)) {
            return;
        }
        Deadline clock = deadlines.get(deadlineId);
        long itemId = ((Number) execution.getVariable(SupervisionVariables.ITEM_ID)).longValue();
        ItemRow item = mapper.findItem(itemId);
        String title = "黄灯预警：" + item.itemNumber + " 将于 " + SHOWN.format(clock.dueAt()) + " 到期";
        if (clock.kind() == DeadlineKind.SUPERVISION_TASK) {
            notifications.toGroup(clock.departmentCode() + ":handler", NotificationType.NEARLY_DUE, title,
                    item.title, "SUPERVISION_ITEM", itemId);
            log.system(itemId, clock.subjectId(), "WARNED", title);
        } else {
            notifications.toGroup(item.supervisorDepartment + ":supervisor", NotificationType.NEARLY_DUE, title,
                    item.title, "SUPERVISION_ITEM", itemId);
            log.system(itemId, null, "WARNED", title);
        }
    }
}
