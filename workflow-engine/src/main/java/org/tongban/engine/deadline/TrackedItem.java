package org.tongban.engine.deadline;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/**
 * An open clock as a supervisor's board shows it. {@code remainingHours} is the working time left before the
 * deadline; {@code atRisk} flags a GREEN clock that history says will not make it ({@link DeadlineBoard}), with the
 * predicted working hours still needed in {@code predictedHours} (null when there is too little history).
 */
public record TrackedItem(long deadlineId, DeadlineKind kind, long subjectId, String part, String number, String title,
                          String agencyCode, String agencyName, String departmentCode, String departmentName,
                          String source, int limitDays, Instant startedAt, Instant dueAt, Instant yellowAt,
                          TrafficLight light, boolean paused, String warning, double remainingHours, boolean atRisk,
                          Double predictedHours, List<String> currentSteps) {
}
