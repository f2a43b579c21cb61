package org.tongban.engine.cases.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.deadline.DeadlineService;

/**
 * 终止办理 at the 容缺 deadline, for a matter that says REFUSE: in the caller's transaction the case's running process
 * instance is deleted with the reason (Camunda keeps it in history as externally terminated, with the reason on the
 * instance and on each cancelled task), the case becomes {@link CaseStatus#REFUSED}, its clock is cancelled, the
 * provincial exchange gets the status change and the applicant an SMS, both through the outbox.
 *
 * <p>Deleting rather than a BPMN event: the deadline belongs to the case wherever its process stands, and cases
 * started on older versions of the model must end the same way. The deletion runs the model's listeners (the
 * department reviews become CANCELLED and their clocks stop) and the built-in task listeners, which take the open
 * tasks out of the todo read model ({@code tb_work_item}, {@code tb_work_access}) as for any cancelled task.
 */
@Component
public class PendingMaterialsRefusal {

    /** The delete reason Camunda keeps on the process instance and its cancelled tasks. */
    public static final String DELETE_REASON = "容缺材料逾期未补齐，终止办理";

    private final CaseMapper cases;
    private final RuntimeService runtime;
    private final CaseClocks clocks;
    private final DeadlineService deadlines;
    private final CaseExchange exchange;
    private final ApplicantSms sms;
    private final CaseTimeline timeline;

    PendingMaterialsRefusal(CaseMapper cases, RuntimeService runtime, CaseClocks clocks, DeadlineService deadlines,
                            CaseExchange exchange, ApplicantSms sms, CaseTimeline timeline) {
        this.cases = cases;
        this.runtime = runtime;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.exchange = exchange;
        this.sms = sms;
        this.timeline = timeline;
    }

    /** Refuses the case; {@code note} (what was missing, by when) goes on its timeline and into the SMS. */
    public void refuse(long caseId, String note) {
        CaseRow row = cases.findCase(caseId);
        if (row.processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(row.processInstanceId).singleResult() != null) {
            runtime.deleteProcessInstance(row.processInstanceId, DELETE_REASON, false, true);
        }
        cases.close(caseId, CaseStatus.REFUSED.name(), timeline.now());
        clocks.caseClock(caseId).ifPresent(clock -> deadlines.cancel(clock.id()));
        timeline.event(caseId, "pendingMaterialsRefused", "容缺逾期·终止办理", CaseTimeline.SYSTEM, "系统",
                note + "，按事项规定终止办理（不予受理）");
        exchange.reportStatus(caseId);
        sms.send(row, "办件终止办理", "您的办件 " + row.caseNumber + " 的容缺材料未在期限内补齐，已终止办理（不予受理）。"
                + "如需继续办理，请携带齐全材料重新申请；如有疑问请咨询受理窗口。");
    }
}
