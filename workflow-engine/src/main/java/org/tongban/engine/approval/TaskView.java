package org.tongban.engine.approval;

import java.time.Instant;
import java.util.List;

/** A task in a workbench list or on its own page. */
public record TaskView(String id, String name, String activityId, String processKey, Subject subject,
                       String departmentCode, String departmentName, String assignee, String assigneeName,
                       Instant createdAt, Instant dueAt, List<String> decisions) {
}
