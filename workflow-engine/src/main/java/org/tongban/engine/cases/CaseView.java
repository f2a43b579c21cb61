package org.tongban.engine.cases;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/**
 * A case with everything its page shows: matters with decisions, department reviews, materials, timeline. {@code dueAt}
 * and {@code light} are the case's own time limit from acceptance (null before); each review has its own.
 */
public record CaseView(long id, String caseNumber, String title, String bundleCode, ApplicantType applicantType,
                       String applicantName, String applicantIdNumber, String applicantPhone, String windowDepartment,
                       String createdBy, CaseStatus status, String intakeDecision, String outcome,
                       Instant createdAt, Instant closedAt, Instant dueAt, TrafficLight light,
                       List<MatterDecision> matters, List<Review> reviews, List<MaterialState> materials,
                       List<OpenStep> openSteps, List<TimelineEntry> timeline) {

    /** A matter of the case with the departments that review it and the decision after consolidation. */
    public record MatterDecision(String code, String name, List<String> departments, String decision) {
    }

    /**
     * One department's review (one parallel branch) with its time limit: {@code limitDays} working days, due at
     * {@code dueAt} (pushed back by each 补正 pause), its light now, and the spans in which its clock stood still.
     */
    public record Review(String departmentCode, String departmentName, String status, String decision,
                         boolean leaderRequired, Instant startedAt, Instant endedAt, Integer limitDays, Instant dueAt,
                         TrafficLight light, List<PausedSpan> pausedSpans) {
    }

    /** A span in which a department's clock stood still (补正); {@code resumedAt} is null while it stands. */
    public record PausedSpan(Instant pausedAt, Instant resumedAt, int remainingDays, String reason) {
    }

    /** A material of the checklist: PROVIDED, PENDING (容缺) or SUPPLEMENTED. */
    public record MaterialState(String matterCode, String code, String name, boolean keyMaterial, String status) {
    }

    /** A task open on the case now, with its due date (none at intake and while a clock is paused). */
    public record OpenStep(String taskId, String activityId, String name, String departmentCode, String assignee,
                           Instant dueAt) {
    }

    /** One entry of the timeline. */
    public record TimelineEntry(String activityId, String activityName, String departmentCode, String actor,
                                String actorName, String decision, String opinion, Instant occurredAt) {
    }
}
