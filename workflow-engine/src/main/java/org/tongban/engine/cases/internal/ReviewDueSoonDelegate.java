package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;

/**
 * 黄灯预警, once per clock: the department's time is nearly used up. Tells the department's handlers and writes the
 * case's timeline. The timer of a later task at a date already passed fires again and finds the light raised.
 */
@Component("reviewDueSoonDelegate")
class ReviewDueSoonDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final NotificationService notifications;
    private final CaseMapper mapper;
    private final CaseTimeline timeline;

    ReviewDueSoonDelegate(DeadlineService deadlines, NotificationService notifications, CaseMapper mapper,
                          CaseTimeline timeline) {
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.mapper = mapper;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long deadlineId = ((Number) execution.getVariable(DeadlineVariables.DEADLINE_ID)).longValue();
        if (!deadlines.raiseYellow(deadlineId)) {
            return;
        }
        Deadline clock = deadlines.get(deadlineId);
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        String department = (String) execution.getVariable(CaseVariables.DEPARTMENT);
        CaseRow row = mapper.findCase(caseId);
        String due = CaseClocks.shown(clock.dueAt());
        timeline.departmentEvent(caseId, "reviewDueSoon", "黄灯预警", department, "办理期限 " + due + "，剩余时间不足");
        notifications.toGroup(department + ":handler", NotificationType.NEARLY_DUE,
                "黄灯预警：" + row.caseNumber + " 将于 " + due + " 到期", row.title, "CASE", caseId);
    }
}
