package org.tongban.engine.deadline.persistence;

import java.time.Instant;

/**
 * A finished step with its clock's grouping, for statistics: {@code agencyCode} and {@code departmentCode} are the
 * clock's, {@code kind} the clock's kind.
 */
public record StepSampleRow(String kind, String agencyCode, String departmentCode, String activityId,
                            String activityName, Instant dueAt, Instant leftAt, Long stepMinutes) {
}
