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
                       List<OpenStep> openSteps, List<TimelineEntry> timeline, List<Visit> visits,
                       List<LicenseLookup> licenseLookups, Instant pendingMaterialsDueAt, Rating rating,
                       String accessCode) {

    /** The same case with the verification code in clear: only the intake response carries it, once. */
    public CaseView withAccessCode(String code) {
        return new CaseView(id, caseNumber, title, bundleCode, applicantType, applicantName, applicantIdNumber,
                applicantPhone, windowDepartment, createdBy, status, intakeDecision, outcome, createdAt, closedAt, dueAt,
                light, matters, reviews, materials, openSteps, timeline, visits, licenseLookups, pendingMaterialsDueAt,
                rating, code);
    }

    /** 跑动: a visit of the applicant to the window (APPLY, SUPPLEMENT, COLLECT, ENQUIRY, OTHER). */
    public record Visit(String purpose, String note, String recordedBy, String recordedByName, Instant occurredAt) {
    }

    /** 电子证照 look-up at intake: FOUND (the material is then ELICENSE), NOT_FOUND or UNAVAILABLE. */
    public record LicenseLookup(String matterCode, String materialCode, String licenseType, String result,
                                String licenseNumber, String issuer, Instant lookedUpAt) {
    }

    /**
     * 好差评 with the step and department it was traced to; a poor rating names its rectification (督办事项 id).
     */
    public record Rating(int score, String comment, Instant ratedAt, String tracedActivityName,
                         String tracedDepartment, String tracedReason, Long rectificationItemId) {
    }

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

    /** A material of the checklist: PROVIDED, ELICENSE (电子证照, 免提交), PENDING (容缺) or SUPPLEMENTED. */
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
