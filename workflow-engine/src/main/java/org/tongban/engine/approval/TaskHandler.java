package org.tongban.engine.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tongban.engine.directory.Actor;

/**
 * What a feature tells the approval service about the tasks of its process. Implementations run inside the
 * transaction of the engine command, so what they write commits or rolls back with the task.
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

    /** What the tasks are about, by business key, for the todo list. */
    Map<String, Subject> subjects(Collection<String> businessKeys);
}
