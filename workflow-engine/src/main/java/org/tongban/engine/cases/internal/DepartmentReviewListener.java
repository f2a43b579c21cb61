package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.ReviewRow;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineVariables;

/**
 * Start and end of one department's branch of the parallel review. At the start it declares the branch's
 * local variables, so a decision taken in one branch never overwrites another's, and starts the department's
 * clock; at the end it stores the branch's decision on the department's review and stops the clock.
 */
@Component("departmentReviewListener")
class DepartmentReviewListener implements ExecutionListener {

    private final CaseMapper mapper;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final DeadlineService deadlines;

    DepartmentReviewListener(CaseMapper mapper, CaseTimeline timeline, CaseClocks clocks, DeadlineService deadlines) {
        this.mapper = mapper;
        this.timeline = timeline;
        this.clocks = clocks;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        String department = (String) execution.getVariable(CaseVariables.DEPARTMENT);
        ReviewRow review = mapper.findReview(caseId, department);
        if (review == null) {
            throw new IllegalStateException("No review of department " + department + " on case " + caseId);
        }
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.setVariableLocal(CaseVariables.LEADER_REQUIRED, review.leaderRequired());
            execution.setVariableLocal(CaseVariables.DECISION, null);
            mapper.updateReview(new ReviewRow(caseId, department, review.leaderRequired(), "IN_PROGRESS", null,
                    timeline.now(), null));
            // the department's clock: its tasks' timers read dueAt and yellowAt, their due date comes from it
            execution.setVariablesLocal(DeadlineVariables.of(clocks.openReview(caseId, department)));
        } else if (EVENTNAME_END.equals(execution.getEventName())) {
            // a branch cancelled (sent back to intake) keeps no decision, even if a step of it had decided
            String decision = ((ExecutionEntity) execution).isCanceled() ? null
                    : (String) execution.getVariableLocal(CaseVariables.DECISION);
            String status = decision == null ? "CANCELLED" : "DONE";
            mapper.updateReview(new ReviewRow(caseId, department, review.leaderRequired(), status, decision,
                    review.startedAt(), timeline.now()));
            if (execution.getVariableLocal(DeadlineVariables.DEADLINE_ID) instanceof Number clock) {
                if (decision == null) {
                    deadlines.cancel(clock.longValue());
                } else {
                    deadlines.close(clock.longValue());
                }
            }
        }
    }
}
