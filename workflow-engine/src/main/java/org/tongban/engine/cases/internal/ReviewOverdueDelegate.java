package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseReviewOverdue;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;

/**
 * 红灯逾期, once per clock: the department passed its deadline. Notifies the department's leaders, writes the case's
 * timeline and announces {@link CaseReviewOverdue}, on which supervision opens a supervision item, all in the
 * timer's transaction. The review goes on.
 */
@Component("reviewOverdueDelegate")
class ReviewOverdueDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final NotificationService notifications;
    private final CaseMapper mapper;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final ApplicationEventPublisher events;

    ReviewOverdueDelegate(DeadlineService deadlines, NotificationService notifications, CaseMapper mapper,
                          CaseTimeline timeline, CaseClocks clocks, ApplicationEventPublisher events) {
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.mapper = mapper;
        this.timeline = timeline;
        this.clocks = clocks;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long deadlineId = ((Number) execution.getVariable(DeadlineVariables.DEADLINE_ID)).longValue();
        if (!deadlines.raiseRed(deadlineId)) {
            return;
        }
        Deadline clock = deadlines.get(deadlineId);
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        String department = (String) execution.getVariable(CaseVariables.DEPARTMENT);
        CaseRow row = mapper.findCase(caseId);
        String due = CaseClocks.shown(clock.dueAt());
        timeline.departmentEvent(caseId, "reviewOverdue", "红灯逾期", department, "办理期限 " + due + " 已过，转督办");
        notifications.toGroup(department + ":leader", NotificationType.OVERDUE,
                "逾期：" + row.caseNumber + " 已于 " + due + " 到期未办结", row.title, "CASE", caseId);
        events.publishEvent(new CaseReviewOverdue(caseId, row.caseNumber, row.title, department,
                clocks.agency(department), clock.dueAt()));
    }
}
