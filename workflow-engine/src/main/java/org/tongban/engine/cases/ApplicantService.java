package org.tongban.engine.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.cases.internal.AccessCodes;
import org.tongban.engine.cases.internal.ApplicantSettings;
import org.tongban.engine.cases.internal.RatingTracer;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.RatingRow;
import org.tongban.engine.cases.persistence.VisitCountRow;
import org.tongban.engine.cases.persistence.VisitRow;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The applicant's side of a case (最多跑一次): the status look-up with the verification code, 好差评 after closing
 * (a poor one traced to a step and opening a rectification), and the trips to the window (跑动) with their
 * statistics. The look-up and the rating need no login: an unknown case number and a wrong code answer the same
 * 404, and the callers (office-web) rate-limit them.
 */
@Service
public class ApplicantService {

    private static final String NOT_FOUND = "办件编号或查询码不正确";
    private static final Set<String> PURPOSES = Set.of("APPLY", "SUPPLEMENT", "COLLECT", "ENQUIRY", "OTHER");
    private static final Map<CaseStatus, String> LABELS = Map.of(CaseStatus.RECEIVED, "待受理",
            CaseStatus.REFUSED, "不予受理", CaseStatus.IN_REVIEW, "审查中", CaseStatus.DELIVERING, "待送达",
            CaseStatus.CLOSED, "已办结");
    private static final Map<String, String> OUTCOMES = Map.of("GRANTED", "准予许可", "PARTIALLY_GRANTED", "部分准予",
            "DENIED", "不予许可");

    private final CaseMapper cases;
    private final ApplicantMapper applicants;
    private final CaseService caseService;
    private final AccessCodes codes;
    private final TaskService taskService;
    private final DirectoryService directory;
    private final DeadlineService deadlines;
    private final RatingTracer tracer;
    private final ApplicantSettings settings;
    private final ApplicationEventPublisher events;
    private final EngineClock clock;

    public ApplicantService(CaseMapper cases, ApplicantMapper applicants, CaseService caseService, AccessCodes codes,
                            TaskService taskService, DirectoryService directory, DeadlineService deadlines,
                            RatingTracer tracer, ApplicantSettings settings, ApplicationEventPublisher events,
                            EngineClock clock) {
        this.cases = cases;
        this.applicants = applicants;
        this.caseService = caseService;
        this.codes = codes;
        this.taskService = taskService;
        this.directory = directory;
        this.deadlines = deadlines;
        this.tracer = tracer;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * 办件进度查询 by case number and verification code.
     *
     * @throws NotFoundException for an unknown case and for a wrong code alike
     */
    @Transactional(readOnly = true)
    public PublicCaseStatus status(CaseStatusQuery query) {
        CaseRow row = verified(query == null ? null : query.caseNumber(), query == null ? null : query.code());
        CaseStatus status = CaseStatus.valueOf(row.status);
        List<Task> open = row.processInstanceId == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(row.processInstanceId).orderByTaskCreateTime().asc()
                        .list();
        Map<String, Department> departments = directory.departmentsByCode();
        List<String> steps = open.stream().map(t -> {
            String department = department(t);
            Department d = department == null ? null : departments.get(department);
            return d == null ? t.getName() : d.name() + " · " + t.getName();
        }).distinct().toList();
        boolean rated = applicants.findRating(row.id) != null;
        Instant due = status == CaseStatus.REFUSED ? null
                : deadlines.find(DeadlineKind.CASE, row.id, null).map(d -> d.dueAt()).orElse(null);
        return new PublicCaseStatus(row.caseNumber, status, LABELS.get(status), steps,
                nextStep(row, status, open, rated), due, row.closedAt,
                row.outcome == null ? null : OUTCOMES.getOrDefault(row.outcome, row.outcome), rated,
                status == CaseStatus.CLOSED && !rated);
    }

    /**
     * 好差评: the applicant rates a closed case once. A score at or below {@code tongban.applicant.poor-score} is
     * traced to a step and department and announced as {@link CaseRatedPoorly} (supervision opens a rectification).
     *
     * @throws NotFoundException     unknown case or wrong code
     * @throws InvalidInputException a score outside 1–5, a comment over 500 characters, a poor score without comment
     * @throws ConflictException     the case is not closed, or was rated already
     */
    @Transactional
    public PublicCaseStatus rate(RatingForm form) {
        CaseRow row = verified(form == null ? null : form.caseNumber(), form == null ? null : form.code());
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.score() == null || form.score() < 1 || form.score() > 5) {
            errors.put("score", "请选择 1 到 5 分");
        }
        String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
        if (comment != null && comment.length() > 500) {
            errors.put("comment", "至多 500 字");
        }
        boolean poor = form.score() != null && form.score() <= settings.poorScore();
        if (poor && comment == null && errors.isEmpty()) {
            errors.put("comment", "差评请写明不满意的地方，以便整改");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("评价内容有误", errors);
        }
        if (!CaseStatus.CLOSED.name().equals(row.status)) {
            throw new ConflictException("办件办结后才能评价");
        }
        if (applicants.findRating(row.id) != null) {
            throw new ConflictException("本办件已评价，感谢您的反馈");
        }
        RatingTracer.Trace trace = poor ? tracer.trace(row.id) : null;
        applicants.insertRating(new RatingRow(row.id, form.score(), comment, trace == null ? null : trace.activityId(),
                trace == null ? null : trace.activityName(), trace == null ? null : trace.departmentCode(),
                trace == null ? null : trace.reason(), null, clock.now()));
        if (trace != null) {
            events.publishEvent(new CaseRatedPoorly(row.id, row.caseNumber, form.score(), comment,
                    trace.departmentCode(), trace.activityName(), trace.reason()));
        }
        return status(new CaseStatusQuery(form.caseNumber(), form.code()));
    }

    /** Supervision names the rectification it opened for a poor rating. */
    @Transactional
    public void linkRectification(long caseId, long supervisionItemId) {
        applicants.setRectification(caseId, supervisionItemId);
    }

    /**
     * 跑动登记: the window records a visit of the applicant.
     *
     * @throws NotFoundException  when the actor may not see the case
     * @throws ForbiddenException unless the actor is a clerk of the case's window
     */
    @Transactional
    public CaseView recordVisit(Actor actor, long caseId, VisitForm form) {
        CaseRow row = caseService.visible(actor, caseId);
        if (!actor.hasRoleIn(row.windowDepartment, Role.CLERK)) {
            throw new ForbiddenException("只有受理窗口可以登记跑动");
        }
        String purpose = form == null || form.purpose() == null ? null : form.purpose().strip();
        String note = form == null || form.note() == null || form.note().isBlank() ? null : form.note().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (purpose == null || !PURPOSES.contains(purpose)) {
            errors.put("purpose", "必须是 " + String.join("、", new java.util.TreeSet<>(PURPOSES)));
        }
        if (note != null && note.length() > 500) {
            errors.put("note", "至多 500 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("跑动登记有误", errors);
        }
        applicants.insertVisit(new VisitRow(caseId, purpose, note, actor.username(), clock.now()));
        return caseService.view(cases.findCase(caseId));
    }

    /**
     * 最多跑一次 statistics over the cases closed in the period: supervisors and admins see every window; anyone else
     * the windows they work in.
     */
    @Transactional(readOnly = true)
    public VisitStatistics visitStatistics(Actor actor, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.now(), WorkCalendar.ZONE);
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start) || start.plusYears(3).isBefore(end)) {
            throw new InvalidInputException("统计区间无效", Map.of("to", "不能早于 from，区间至多 3 年"));
        }
        Collection<String> windows = actor.hasRole(Role.SUPERVISOR) || actor.hasRole(Role.ADMIN) ? null
                : new ArrayList<>(actor.departments());
        if (windows != null && windows.isEmpty()) {
            return new VisitStatistics(start, end, 0, 0, null, null);
        }
        VisitCountRow counts = applicants.countVisits(start.atStartOfDay(WorkCalendar.ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant(), windows);
        return new VisitStatistics(start, end, counts.closed(), counts.atMostOne(),
                counts.closed() == 0 ? null : (double) counts.atMostOne() / counts.closed(),
                counts.closed() == 0 ? null : (double) counts.visits() / counts.closed());
    }

    private CaseRow verified(String caseNumber, String code) {
        Long id = caseNumber == null || caseNumber.isBlank() ? null : applicants.findCaseId(caseNumber.strip());
        // the hash is checked even for an unknown case, so both answer in about the same time
        String hash = id == null ? null : applicants.accessCodeHash(id);
        boolean ok = codes.matches(code, hash);
        if (id == null || hash == null || !ok) {
            throw new NotFoundException(NOT_FOUND);
        }
        return cases.findCase(id);
    }

    private String nextStep(CaseRow row, CaseStatus status, List<Task> open, boolean rated) {
        String pending = pendingNote(row);
        return switch (status) {
            case RECEIVED -> "窗口正在核对您的申请材料，核对后决定是否受理。";
            case REFUSED -> "ACCEPT_WITH_PENDING".equals(row.intakeDecision)
                    ? "容缺材料未在期限内补齐，已终止办理（不予受理）；如需继续办理，请携带齐全材料重新申请。"
                    : "不予受理，理由见不予受理通知书；如有疑问请咨询受理窗口。";
            case IN_REVIEW -> (open.stream().anyMatch(t -> "registerSupplement".equals(t.getTaskDefinitionKey()))
                    ? "请按补正告知书补交材料，提交后审查继续。" : "各部门正在并联审查，请耐心等待审查结果。") + pending;
            case DELIVERING -> open.stream().anyMatch(t -> "collectPendingMaterials".equals(t.getTaskDefinitionKey()))
                    ? "审批已完成，请先补齐容缺材料，再领取办理结果。" + pending
                    : "审批已完成，请到窗口领取办理结果，或等待送达。";
            case CLOSED -> rated ? "已办结，感谢您的评价。" : "已办结，欢迎对本次服务作出评价。";
        };
    }

    private String pendingNote(CaseRow row) {
        Instant due = applicants.pendingDue(row.id);
        List<String> missing = cases.findMaterials(row.id).stream().filter(m -> "PENDING".equals(m.status()))
                .map(m -> caseService.materialName(m.matterCode(), m.materialCode())).toList();
        if (due == null || missing.isEmpty()) {
            return "";
        }
        return "容缺材料「" + String.join("、", missing) + "」请于 "
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE).format(due)
                + " 前补齐。";
    }

    private String department(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId().split(":")[0]).findFirst().orElse(null);
    }
}
