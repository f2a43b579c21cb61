package org.tongban.engine.cases;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.cases.internal.CaseTimeline;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Role;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.platform.EngineClock;

/**
 * 容缺台账: cases accepted with materials missing — what is missing and by when — and the escalation of those still
 * missing at their deadline: a timeline entry, and a notice to the window's clerks and leaders and to the
 * supervisors. The deadline is checked by a scheduled poll ({@code tongban.applicant.pending-poll}), not a BPMN
 * timer: the due date belongs to the whole case, which may by then be anywhere in its process (still in review,
 * or waiting at 容缺材料补齐), and a compare-and-set update makes each case escalate once even with several nodes.
 */
@Service
public class PendingMaterialsLedger {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final ApplicantMapper applicants;
    private final CaseMapper cases;
    private final CaseService caseService;
    private final CaseTimeline timeline;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final EngineClock clock;
    private final String supervisingDepartment;

    public PendingMaterialsLedger(ApplicantMapper applicants, CaseMapper cases, CaseService caseService,
                                  CaseTimeline timeline, NotificationService notifications, TransactionTemplate tx,
                                  EngineClock clock,
                                  @Value("${tongban.supervision.department:GOV_SUPERVISION}") String supervising) {
        this.applicants = applicants;
        this.cases = cases;
        this.caseService = caseService;
        this.timeline = timeline;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.supervisingDepartment = supervising;
    }

    /** The ledger: supervisors and admins see every window's cases, anyone else those of the windows they work in. */
    @Transactional(readOnly = true)
    public List<PendingMaterialsEntry> ledger(Actor actor) {
        Collection<String> windows = actor.hasRole(Role.SUPERVISOR) || actor.hasRole(Role.ADMIN) ? null
                : new ArrayList<>(actor.departments());
        if (windows != null && windows.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        return applicants.findPendingLedger(windows).stream().map(id -> entry(cases.findCase(id), now)).toList();
    }

    @Scheduled(fixedDelayString = "${tongban.applicant.pending-poll:5m}")
    void poll() {
        escalateDue();
    }

    /** Escalates every case whose pending materials are past due; returns how many this call escalated. */
    public int escalateDue() {
        int escalated = 0;
        for (Long id : applicants.findPendingOverdue(clock.now())) {
            Boolean done = tx.execute(s -> escalate(id));
            escalated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return escalated;
    }

    private boolean escalate(long caseId) {
        Instant now = clock.now();
        if (applicants.markPendingEscalated(caseId, now) != 1) {
            return false; // another node did it
        }
        CaseRow row = cases.findCase(caseId);
        PendingMaterialsEntry entry = entry(row, now);
        String missing = String.join("、", entry.missing());
        String note = "容缺材料「" + missing + "」应于 " + SHOWN.format(entry.dueAt()) + " 前补齐，逾期未补";
        timeline.event(caseId, "pendingMaterialsOverdue", "容缺逾期", CaseTimeline.SYSTEM, "系统", note);
        String title = "容缺逾期：" + row.caseNumber + " 的材料未按期补齐";
        notifications.toGroup(row.windowDepartment + ":clerk", NotificationType.ESCALATION, title, note, "CASE", caseId);
        notifications.toGroup(row.windowDepartment + ":leader", NotificationType.ESCALATION, title, note, "CASE", caseId);
        notifications.toGroup(supervisingDepartment + ":supervisor", NotificationType.ESCALATION, title, note, "CASE",
                caseId);
        return true;
    }

    private PendingMaterialsEntry entry(CaseRow row, Instant now) {
        List<String> missing = cases.findMaterials(row.id).stream().filter(m -> "PENDING".equals(m.status()))
                .map(m -> caseService.materialName(m.matterCode(), m.materialCode())).toList();
        Instant due = applicants.pendingDue(row.id);
        return new PendingMaterialsEntry(row.id, row.caseNumber, row.title, row.windowDepartment,
                CaseStatus.valueOf(row.status), missing, due, due != null && !due.isAfter(now),
                applicants.pendingEscalated(row.id));
    }
}
