package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** An open task with its subject, for the todo list. */
public record TodoRow(String taskId, String processInstanceId, String processDefinitionId, String processKey,
                      String activityId, String name, String departmentCode, String assignee, String owner,
                      boolean delegated, Instant createdAt, Instant dueAt, String businessKey, Long subjectId,
                      String subjectNumber, String title, String processName) {
}
