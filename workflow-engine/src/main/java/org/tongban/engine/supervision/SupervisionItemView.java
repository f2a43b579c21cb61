package org.tongban.engine.supervision;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/**
 * A supervision item with what its page shows: its sub-items (a unit sees only its own) with their lights and
 * reports, the open steps, and the item's log. {@code dueAt}/{@code light} are the item's own time limit.
 */
public record SupervisionItemView(long id, String itemNumber, String title, SupervisionSource source, String sourceRef,
                                  String description, String supervisorDepartment, Long caseId, String caseDepartment,
                                  SupervisionItemStatus status, String createdBy, Instant createdAt, Instant dueAt,
                                  TrafficLight light, Instant closedAt, List<SubItem> subItems,
                                  List<OpenStep> openSteps, List<LogEntry> log) {

    /**
     * One unit's share: its deadline and light; {@code warning} FEEDBACK_MISSED while a periodic report is
     * overdue (the light is yellow then).
     */
    public record SubItem(long id, String unitDepartment, String unitName, String agencyCode, String requirement,
                          SubItemStatus status, Instant dueAt, TrafficLight light, String warning, Instant assignedAt,
                          Instant lastFeedbackAt, Instant escalatedAt, Instant closedAt, List<Feedback> feedback) {
    }

    /** A report (PROGRESS or REQUEST_CLOSE) and the supervisor's review of it (ACCEPT or RETURN). */
    public record Feedback(String kind, String content, String reportedBy, String reportedByName, Instant reportedAt,
                           String reviewDecision, String reviewOpinion, String reviewedBy, Instant reviewedAt) {
    }

    /** A task open on the item now; {@code subItemId} for the tasks of a sub-item. */
    public record OpenStep(String taskId, String activityId, String name, String departmentCode, Long subItemId,
                           Instant dueAt) {
    }

    /** An entry of the log: OPENED, SPLIT, ASSIGNED, REPORTED, REVIEWED, URGED, WARNED, ESCALATED … */
    public record LogEntry(Long subItemId, String kind, String actor, String actorName, String note,
                           Instant occurredAt) {
    }
}
