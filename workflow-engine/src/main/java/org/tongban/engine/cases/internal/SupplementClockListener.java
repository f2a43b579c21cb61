package org.tongban.engine.cases.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;

/**
 * 补正 stops the department's clock: when registerSupplement starts, the clock pauses with the working days it
 * has left; when it ends (the window registered the materials), the clock runs again with those days from then on.
 * The new dates go into the branch's {@code dueAt} and {@code yellowAt}, which the timers of the department's next
 * task read, and push the case's own deadline when they pass it. Both show in the case's timeline.
 */
@Component("supplementClockListener")
class SupplementClockListener implements ExecutionListener {

    static final String REASON = "SUPPLEMENT";

    private final DeadlineService deadlines;
    private final CaseClocks clocks;
    private final CaseTimeline timeline;

    SupplementClockListener(DeadlineService deadlines, CaseClocks clocks, CaseTimeline timeline) {
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getVariable(DeadlineVariables.DEADLINE_ID) instanceof Number id)) {
            return;
        }
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        String department = (String) execution.getVariable(CaseVariables.DEPARTMENT);
        if (EVENTNAME_START.equals(execution.getEventName())) {
            Deadline paused = deadlines.pause(id.longValue(), REASON);
            timeline.departmentEvent(caseId, "clockPaused", "补正暂停计时", department,
                    "剩余 " + paused.remainingDays() + " 个工作日，补正期间不计入办理时限");
        } else {
            Deadline resumed = deadlines.resume(id.longValue());
            // setVariable (not local) lands on the branch, the nearest scope that holds the variables
            execution.setVariable(DeadlineVariables.DUE_AT, Date.from(resumed.dueAt()));
            execution.setVariable(DeadlineVariables.YELLOW_AT, Date.from(resumed.yellowAt()));
            clocks.caseClock(caseId).ifPresent(clock -> deadlines.extendTo(clock.id(), resumed.dueAt()));
            timeline.departmentEvent(caseId, "clockResumed", "恢复计时", department,
                    "补正材料已登记，办理期限顺延至 " + CaseClocks.shown(resumed.dueAt()));
        }
    }
}
