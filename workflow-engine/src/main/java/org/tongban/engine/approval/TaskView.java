package org.tongban.engine.approval;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/**
 * A task in a workbench list or on its own page. {@code dueAt} and {@code light} come from the time limit the task
 * is worked under (a department review, a supervision sub-item …); both are null for a task under none.
 */
public record TaskView(String id, String name, String activityId, String processKey, Subject subject,
                       String departmentCode, String departmentName, String assignee, String assigneeName,
                       Instant createdAt, Instant dueAt, List<String> decisions, TrafficLight light) {
}
