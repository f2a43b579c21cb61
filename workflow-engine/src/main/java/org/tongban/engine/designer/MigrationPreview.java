package org.tongban.engine.designer;

import java.util.List;

/** Which running cases the plan would move, and where each active step of each case would go. */
public record MigrationPreview(MigrationPlanView plan, List<CasePreview> cases) {

    /** A running case; {@code migratable} is false when an active step has no mapping (the reason is given). */
    public record CasePreview(String processInstanceId, String businessKey, List<StepMapping> steps,
                              boolean migratable, String problem) {
    }

    /** An active step and its step in the target version (null: not mapped). */
    public record StepMapping(String activityId, String activityName, String targetActivityId, String targetName) {
    }
}
