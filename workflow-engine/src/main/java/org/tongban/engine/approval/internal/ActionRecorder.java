package org.tongban.engine.approval.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.ApprovalEvent;
import org.tongban.engine.approval.Operation;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskOperation;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.ActionRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;

/**
 * Records an operation in the approval action log, tells the process's handler (its timeline), and publishes an
 * {@link ApprovalEvent} — all in the caller's transaction, so a failed operation leaves no trace.
 */
@Component
public class ActionRecorder {

    private final ActionMapper actions;
    private final Handlers handlers;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionRecorder(ActionMapper actions, Handlers handlers, DirectoryService directory, ApplicationEventPublisher events,
                   Clock clock) {
        this.actions = actions;
        this.handlers = handlers;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records {@code operation} on {@code task}. The handler's {@code recorded} hook is called for every operation
     * but a completion, whose timeline entry the handler wrote in {@code complete}.
     */
    public TaskOperation record(TaskContext task, Operation operation, Actor actor, List<String> targets,
                                String targetLabel, String decision, String opinion) {
        String onBehalfOfName = task.onBehalfOf() == null ? null
                : directory.displayNames(List.of(task.onBehalfOf())).getOrDefault(task.onBehalfOf(), task.onBehalfOf());
        TaskOperation recorded = new TaskOperation(operation, actor.username(), actor.displayName(), task.onBehalfOf(),
                onBehalfOfName, targets, targetLabel, decision, opinion, clock.instant());
        actions.insertAction(ActionRow.of(task.taskId(),
                task.processInstanceId(), task.processKey(), task.activityId(), task.name(), operation.name(),
                actor.username(), task.onBehalfOf(), targets.isEmpty() ? null : truncate(String.join(",", targets)),
                decision, opinion, operation.doneEntry(), recorded.occurredAt()));
        if (operation != Operation.COMPLETE) {
            handlers.of(task.processKey()).recorded(task, recorded);
        }
        events.publishEvent(new ApprovalEvent(task, recorded));
        return recorded;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
