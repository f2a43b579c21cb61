package org.tongban.engine.cases;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.cases.internal.CaseTimeline;
import org.tongban.engine.cases.internal.PendingMaterialsClock;
import org.tongban.engine.cases.internal.PendingMaterialsRefusal;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Role;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.matter.PendingMaterialsExpiry;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.platform.EngineClock;

/**
 * 容缺台账: cases accepted with materials missing — what is missing and by when — and what happens to those still
 * missing at their deadline, as the matters of the missing materials say ({@link PendingMaterialsExpiry}): either
 * escalation (a timeline entry, and a notice to the window's clerks and leaders and to the supervisors), or
 * 终止办理 (the case refused and its process ended, see {@link PendingMaterialsRefusal}; the window is told). The deadline is checked by a scheduled poll ({@code tongban.applicant.pending-poll}), not a BPMN
 * timer: the due date belongs to the whole case, which may by then be anywhere in its process (still in review,
 * or waiting at 容缺材料补齐), and a compare-and-set update makes each case escalate or be refused once even with
 * several nodes.
 */
@Service
public class PendingMaterialsLedger {

    private static final Logger log = LoggerFactory.getLogger(PendingMaterialsLedger.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final ApplicantMapper applicants;
    private final CaseMapper cases;
    private final CaseService caseService;
    private final CaseTimeline timeline;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final EngineClock clock;
    private final PendingMaterialsClock pendingClock;
    private final PendingMaterialsRefusal refusal;
    private final MatterCatalog matterCatalog;
    private final String supervisingDepartment;

    public PendingMaterialsLedger(ApplicantMapper applicants, CaseMapper cases, CaseService caseService,
                                  CaseTimeline timeline, NotificationService notifications, TransactionTemplate tx,
                                  EngineClock clock, PendingMaterialsClock pendingClock, PendingMaterialsRefusal refusal,
                                  MatterCatalog matterCatalog,
                                  @Value("${tongban.supervision.department:GOV_SUPERVISION}") String supervising) {
        this.applicants = applicants;
        this.cases = cases;
        this.caseService = caseService;
        this.timeline = timeline;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.pendingClock = pendingClock;
        this.refusal = refusal;
        this.matterCatalog = matterCatalog;
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

    /**
     * Escalates or refuses every case whose pending materials are past due, each in its own transaction; returns
     * how many this call handled.
     */
    public int escalateDue() {
        int handled = 0;
        for (Long id : applicants.findPendingOverdue(clock.now())) {
            try {
                Boolean done = tx.execute(s -> expire(id));
                handled += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                // e.g. a task of the case completed at the same moment (the engine's optimistic lock): the claim
                // rolled back with the rest, so the next poll tries again; the other cases go on now
                log.warn("容缺 deadline of case {} not handled, retried at the next poll: {}", id, e.toString());
            }
        }
        return handled;
    }

    private boolean expire(long caseId) {
        Instant now = clock.now();
        if (applicants.markPendingEscalated(caseId, now) != 1) {
            return false; // another node did it
        }
        CaseRow row = cases.findCase(caseId);
        PendingMaterialsEntry entry = entry(row, now);
        String missing = String.join("、", entry.missing());
        String note = "容缺材料「" + missing + "」应于 " + SHOWN.format(entry.dueAt()) + " 前补齐，逾期未补";
        if (entry.onExpiry() == PendingMaterialsExpiry.REFUSE && isOpen(row)) {
            refusal.refuse(caseId, note);
            String title = "容缺逾期终止办理：" + row.caseNumber;
            notifyGroup(row.windowDepartment + ":clerk", title, note, caseId);
            notifyGroup(row.windowDepartment + ":leader", title, note, caseId);
            return true;
        }
        timeline.event(caseId, "pendingMaterialsOverdue", "容缺逾期", CaseTimeline.SYSTEM, "系统", note);
        String title = "容缺逾期：" + row.caseNumber + " 的材料未按期补齐";
        notifyGroup(row.windowDepartment + ":clerk", title, note, caseId);
        notifyGroup(row.windowDepartment + ":leader", title, note, caseId);
        notifyGroup(supervisingDepartment + ":supervisor", title, note, caseId);
        return true;
    }

    /** A case that is already refused or closed is not refused again (its process has ended). */
    private static boolean isOpen(CaseRow row) {
        CaseStatus status = CaseStatus.valueOf(row.status);
        return status != CaseStatus.REFUSED && status != CaseStatus.CLOSED;
    }

    private void notifyGroup(String group, String title, String note, long caseId) {
        notifications.toGroup(group, NotificationType.ESCALATION, title, note, "CASE", caseId);
    }

    private PendingMaterialsEntry entry(CaseRow row, Instant now) {
        List<String> missing = cases.findMaterials(row.id).stream().filter(m -> "PENDING".equals(m.status()))
                .map(m -> caseService.materialName(m.matterCode(), m.materialCode())).toList();
        Instant due = applicants.pendingDue(row.id);
        List<String> matters = cases.findMatters(row.id).stream()
                .map(m -> matterCatalog.matter(m.matterCode()).map(Matter::name).orElse(m.matterCode())).toList();
        return new PendingMaterialsEntry(row.id, row.caseNumber, row.title, row.windowDepartment, row.applicantName,
                matters, CaseStatus.valueOf(row.status), missing, due, due != null && !due.isAfter(now),
                applicants.pendingEscalated(row.id), pendingClock.expiry(row.id));
    }
}
