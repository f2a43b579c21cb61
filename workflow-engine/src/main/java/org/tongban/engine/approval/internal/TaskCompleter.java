package org.tongban.engine.approval.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * 签收 then 办理 of a task, in the caller's transaction, telling the read model that the claim is only the first
 * half of a completion: refreshing the task's rows for the new assignee would be undone by the completion a moment
 * later ({@link WorkItemListener}). The claim stays a command of its own: in one command with the completion, the
 * activity's end in the history replaces the claim's pending update and the step loses who did it — and who did a
 * step is what 退回 and 撤回 give a restarted step back to.
 */
@Component
public class TaskCompleter {

    private static final ThreadLocal<String> COMPLETING = new ThreadLocal<>();

    private final TaskService taskService;

    TaskCompleter(TaskService taskService) {
        this.taskService = taskService;
    }

    /**
     * Claims the task for {@code claimant} (none: it is the claimant's already, or a stand-in or admin acts) and
     * completes it with {@code variables}; returns the ids of the tasks the completion created.
     */
    public List<String> complete(String taskId, String claimant, Map<String, Object> variables) {
        if (claimant != null) {
            COMPLETING.set(taskId);
            try {
                taskService.claim(taskId, claimant);
            } finally {
                COMPLETING.remove();
            }
        }
        return CreatedTasks.during(() -> taskService.complete(taskId, variables));
    }

    /** Whether {@code taskId} is being claimed on its way to completion in this thread. */
    static boolean completing(String taskId) {
        return taskId.equals(COMPLETING.get());
    }
}
