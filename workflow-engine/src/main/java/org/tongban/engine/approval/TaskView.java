package org.tongban.engine.approval;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/**
 * A task in a workbench list or on its own page. {@code owner} and {@code delegated} describe a 委派 in progress
 * (the owner sees the task until it comes back); {@code signMode} is set on a sign step (会签/或签/依次);
 * {@code onBehalfOf} names the person the viewer stands in for when the task reached them through a proxy (代理).
 * {@code dueAt} and {@code light} come from the time limit the task is worked under (a department review, a
 * supervision sub-item …); both are null for a task under none.
 */
public record TaskView(String id, String name, String activityId, String processKey, Subject subject,
                       String departmentCode, String departmentName, String assignee, String assigneeName,
                       Instant createdAt, Instant dueAt, List<String> decisions, String processInstanceId,
                       String owner, String ownerName, boolean delegated, SignMode signMode, String onBehalfOf,
                       String onBehalfOfName, TrafficLight light) {
}
