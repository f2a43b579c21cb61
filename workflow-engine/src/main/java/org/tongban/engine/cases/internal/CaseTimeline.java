package org.tongban.engine.cases.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.StepRow;
import org.tongban.engine.platform.EngineClock;

/** Writes timeline entries of a case. */
@Component
public class CaseTimeline {

    /** The actor of steps the engine takes by itself (dispatch, consolidation, closing). */
    public static final String SYSTEM = "system";

    private final CaseMapper mapper;
    private final EngineClock clock;

    public CaseTimeline(CaseMapper mapper, EngineClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A step done by a person on a task. */
    public void task(long caseId, String taskId, String activityId, String activityName, String department,
                     String actor, String actorName, String decision, String opinion) {
        mapper.insertStep(new StepRow(caseId, taskId, activityId, activityName, department, actor, actorName, decision,
                opinion, now()));
    }

    /** A step without a task: by a person (收件) or by the system. */
    public void event(long caseId, String activityId, String activityName, String actor, String actorName,
                      String note) {
        mapper.insertStep(new StepRow(caseId, null, activityId, activityName, null, actor, actorName, null, note, now()));
    }

    /** A system step concerning one department's review (its clock paused, resumed, turned yellow or red). */
    public void departmentEvent(long caseId, String activityId, String activityName, String department, String note) {
        mapper.insertStep(new StepRow(caseId, null, activityId, activityName, department, SYSTEM, "系统", null, note,
                now()));
    }

    public Instant now() {
        return clock.now();
    }
}
