package org.tongban.engine.approval;

import java.time.Instant;

/** A step a task can be sent back to: done earlier in the same branch or an enclosing scope, by {@code assignee}. */
public record EarlierStep(String activityId, String name, String assignee, String assigneeName, Instant completedAt) {
}
