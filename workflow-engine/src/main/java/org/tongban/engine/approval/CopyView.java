package org.tongban.engine.approval;

import java.time.Instant;

/** 抄送我的: a process instance copied to the actor, by whom, from which step, read or not. */
public record CopyView(long id, String processInstanceId, String processKey, String processName, Subject subject,
                       String taskId, String stepName, String sentBy, String sentByName, String note,
                       Instant createdAt, Instant readAt, boolean read) {
}
