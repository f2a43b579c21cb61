package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** A {@code tb_work_item} row: one open user task of the todo read model. */
public record WorkItemRow(String taskId, String processInstanceId, String processDefinitionId, String processKey,
                          String activityId, String name, String departmentCode, String assignee, String owner,
                          boolean delegated, Instant createdAt, Instant dueAt) {
}
