package org.tongban.engine.cases;

import java.time.Instant;
import java.util.List;

/** A case with everything its page shows: matters with decisions, department reviews, materials, timeline. */
public record CaseView(long id, String caseNumber, String title, String bundleCode, ApplicantType applicantType,
                       String applicantName, String applicantIdNumber, String applicantPhone, String windowDepartment,
                       String createdBy, CaseStatus status, String intakeDecision, String outcome,
                       Instant createdAt, Instant closedAt, List<MatterDecision> matters, List<Review> reviews,
                       List<MaterialState> materials, List<OpenStep> openSteps, List<TimelineEntry> timeline) {

    /** A matter of the case with the departments that review it and the decision after consolidation. */
    public record MatterDecision(String code, String name, List<String> departments, String decision) {
    }

    /** One department's review (one parallel branch). */
    public record Review(String departmentCode, String departmentName, String status, String decision,
                         boolean leaderRequired, Instant startedAt, Instant endedAt) {
    }

    /** A material of the checklist: PROVIDED, PENDING (容缺) or SUPPLEMENTED. */
    public record MaterialState(String matterCode, String code, String name, boolean keyMaterial, String status) {
    }

    /** A task open on the case now. */
    public record OpenStep(String taskId, String activityId, String name, String departmentCode, String assignee) {
    }

    /** One entry of the timeline. */
    public record TimelineEntry(String activityId, String activityName, String departmentCode, String actor,
                                String actorName, String decision, String opinion, Instant occurredAt) {
    }
}
