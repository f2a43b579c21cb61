package org.tongban.engine.approval;

import java.time.Instant;

/**
 * 已办: a task that left the actor's hands by their operation (办理, 转办, 退回, 委派办毕), with the decision and
 * opinion; {@code processEnded} tells whether the whole process has finished since.
 */
public record DoneItem(String taskId, String name, String activityId, String processKey, String processInstanceId,
                       Subject subject, Operation operation, String decision, String opinion, String onBehalfOf,
                       Instant occurredAt, boolean processEnded) {
}
