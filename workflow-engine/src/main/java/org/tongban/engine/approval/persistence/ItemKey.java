package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** One row of a todo page before its details are read: the task and the columns it is ordered by. */
public record ItemKey(String taskId, Instant createdAt, Instant dueAt, int noDue) {
}
