package org.tongban.engine.taskevents;

import java.time.Instant;
import java.util.Set;

/**
 * A user task was created and its transaction committed. Published on the committing thread after the commit:
 * a listener that writes must start its own transaction ({@code Propagation.REQUIRES_NEW}), and whatever it does
 * cannot undo the task.
 *
 * @param taskId            the engine's task id
 * @param name              the task's name, e.g. 承办
 * @param activityId        the BPMN activity id, e.g. {@code handle}
 * @param processKey        the process definition key, e.g. {@code one-window-approval}
 * @param processInstanceId the process instance
 * @param businessKey       the process instance's business key (a case's id); null for a task outside a process
 * @param candidateGroups   {@code department:role} groups the task is offered to
 * @param candidateUsers    people the task is offered to by name
 * @param assignee          the person it is assigned to, or null
 * @param createdAt         when it was created
 * @param dueAt             its due date, or null
 */
public record TaskCreated(String taskId, String name, String activityId, String processKey, String processInstanceId,
                          String businessKey, Set<String> candidateGroups, Set<String> candidateUsers, String assignee,
                          Instant createdAt, Instant dueAt) {

    public TaskCreated {
        candidateGroups = Set.copyOf(candidateGroups);
        candidateUsers = Set.copyOf(candidateUsers);
    }
}
