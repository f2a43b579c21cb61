package org.tongban.engine.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tongban.engine.directory.Actor;

/**
 * What a feature tells the approval service about the tasks of its process. Implementations run inside the
 * transaction of the engine command, so what they write commits or rolls back with the task. A process without
 * a handler is served generically: no decisions (or AGREE/DISAGREE on a sign step), nothing written beyond the
 * approval action log.
 */
public interface TaskHandler {

    /** The process key whose tasks this handler owns. */
    String processKey();

    /** The decisions a task of this activity accepts; empty when the task is simply marked done. */
    List<String> decisions(String activityId);

    /**
     * Validates the completion and writes the business side (timeline, status). Throws
     * {@link org.tongban.engine.platform.InvalidInputException} for a bad form, changing nothing.
     *
     * @return the process variables the completion sets
     */
    Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form);

    /** What the tasks are about, by business key, for the workbench lists. */
    Map<String, Subject> subjects(Collection<String> businessKeys);

    /** The matter codes a process instance is about, for the workbench's matter filter. */
    default List<String> matterCodes(String businessKey) {
        return List.of();
    }

    /**
     * Every operation other than a completion (转办, 委派, 退回, 撤回, 加签, 抄送, 催办 …), after the engine has
     * done it, in the same transaction: the place to write the business timeline. A send-back or withdraw names
     * the activity the process went back to in {@code operation.targets()}.
     */
    default void recorded(TaskContext task, TaskOperation operation) {
    }
}
