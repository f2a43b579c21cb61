package org.tongban.engine.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Published (in the engine command) when a task's due date was set from its clock while the task was being
 * created, so read models built by other create listeners see it whichever listener ran first.
 */
public record TaskDueDateSet(DelegateTask task) {
}
