package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** A {@code tb_task_action} row, joined with its subject when read for the done list. */
public record ActionRow(Long id, String taskId, String processInstanceId, String processKey, String activityId,
                        String taskName, String action, String actor, String onBehalfOf, String targets,
                        String decision, String opinion, boolean doneEntry, Instant occurredAt, Long subjectId,
                        String subjectNumber, String title, String processName, Instant endedAt) {

    public static ActionRow of(String taskId, String processInstanceId, String processKey, String activityId,
                               String taskName, String action, String actor, String onBehalfOf, String targets,
                               String decision, String opinion, boolean doneEntry, Instant occurredAt) {
        return new ActionRow(null, taskId, processInstanceId, processKey, activityId, taskName, action, actor,
                onBehalfOf, targets, decision, opinion, doneEntry, occurredAt, null, null, null, null, null);
    }
}
