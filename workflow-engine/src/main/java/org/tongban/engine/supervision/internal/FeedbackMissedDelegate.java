package org.tongban.engine.supervision.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/**
 * A feedback cycle passed while the unit still owed its report: the sub-item shows yellow (warning FEEDBACK_MISSED,
 * cleared by the next report) and the unit's handlers are reminded; logged on the item.
 */
@Component("feedbackMissedDelegate")
class FeedbackMissedDelegate implements JavaDelegate {

    static final String FEEDBACK_MISSED = "FEEDBACK_MISSED";

    private final DeadlineService deadlines;
    private final NotificationService notifications;
    private final SupervisionMapper mapper;
    private final SupervisionLog log;

    FeedbackMissedDelegate(DeadlineService deadlines, NotificationService notifications, SupervisionMapper mapper,
                           SupervisionLog log) {
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long deadlineId = ((Number) execution.getVariable(DeadlineVariables.DEADLINE_ID)).longValue();
        long itemId = ((Number) execution.getVariable(SupervisionVariables.ITEM_ID)).longValue();
        long subItemId = ((Number) execution.getVariable(SupervisionVariables.SUB_ITEM_ID)).longValue();
        String unit = (String) execution.getVariable(SupervisionVariables.UNIT);
        deadlines.warn(deadlineId, FEEDBACK_MISSED);
        ItemRow item = mapper.findItem(itemId);
        notifications.toGroup(unit + ":handler", NotificationType.FEEDBACK_MISSED,
                "请反馈办理情况：" + item.itemNumber + " " + item.title, "本周期尚未反馈", "SUPERVISION_ITEM", itemId);
        log.system(itemId, subItemId, "FEEDBACK_MISSED", "本周期未反馈，已提醒");
    }
}
