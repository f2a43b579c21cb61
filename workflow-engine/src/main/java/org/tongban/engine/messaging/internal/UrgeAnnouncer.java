package org.tongban.engine.messaging.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.ApprovalEvent;
import org.tongban.engine.approval.Operation;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.approval.TaskOperation;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.Recipients;

/**
 * 催办 reaches the people urged: each gets an {@code URGED} notice linking to the task, pushed live like any notice.
 * It is written in the urge's own transaction, so an urge that fails leaves no notice and a notice never goes out
 * for an urge that was not recorded.
 */
@Component
class UrgeAnnouncer {

    private final NotificationService notifications;
    private final Map<String, TaskHandler> handlers;

    UrgeAnnouncer(NotificationService notifications, List<TaskHandler> handlers) {
        this.notifications = notifications;
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::processKey, Function.identity()));
    }

    @EventListener
    void on(ApprovalEvent event) {
        TaskOperation op = event.operation();
        if (op.operation() != Operation.URGE || op.targets().isEmpty()) {
            return;
        }
        TaskContext task = event.task();
        Subject subject = subject(task);
        String about = subject == null ? task.name() : "「" + subject.title() + "」" + task.name();
        String body = op.opinion() == null || op.opinion().isBlank()
                ? op.actorLabel() + "催办" : op.actorLabel() + "：" + op.opinion();
        notifications.notify(Recipients.users(op.targets()), NotificationType.URGED, "催办：" + about, body,
                "/tasks/" + task.taskId(), null, null);
    }

    private Subject subject(TaskContext task) {
        TaskHandler handler = handlers.get(task.processKey());
        if (handler == null || task.businessKey() == null) {
            return null;
        }
        return handler.subjects(List.of(task.businessKey())).get(task.businessKey());
    }
}
