package org.tongban.engine.approval;

/**
 * A user task as a handler sees it. {@code departmentCode} comes from the task's candidate groups and is null
 * for a task assigned to a person only. {@code onBehalfOf} names the person a stand-in (代理) acts for, else null.
 */
public record TaskContext(String taskId, String name, String activityId, String processKey, String processInstanceId,
                          String executionId, String businessKey, String departmentCode, String assignee,
                          String onBehalfOf) {
}
