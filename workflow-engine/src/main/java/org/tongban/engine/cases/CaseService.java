package org.tongban.engine.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.CopyService;
import org.tongban.engine.cases.internal.ApplicantIds;
import org.tongban.engine.cases.internal.ApplicantIntake;
import org.tongban.engine.cases.internal.CaseExchange;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.RatingRow;
import org.tongban.engine.cases.internal.CaseDiagrams;
import org.tongban.engine.cases.internal.CaseTimeline;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseMatterRow;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.VisitRow;
import org.tongban.engine.cases.persistence.MaterialRow;
import org.tongban.engine.cases.persistence.RoutingRow;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Position;
import org.tongban.engine.directory.Role;
import org.tongban.engine.matter.Material;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterBundle;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.SequenceService;

/**
 * Cases at the single window: create (and start one-window-approval), read with the timeline, register a
 * supplement. A case is visible to its window, to the departments it was dispatched to, to supervisors, and to the
 * people it was copied to (抄送).
 */
@Service("caseWorkService") // "caseService" is the Camunda CMMN service bean
public class CaseService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CaseMapper mapper;
    private final MatterCatalog catalog;
    private final DirectoryService directory;
    private final SequenceService sequences;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ApprovalService approvals;
    private final CopyService copies;
    private final DeadlineService deadlines;
    private final EngineClock clock;
    private final CaseDiagrams diagrams;
    private final ApplicantIntake applicantIntake;
    private final ApplicantMapper applicants;
    private final CaseExchange exchange;

    public CaseService(CaseMapper mapper, MatterCatalog catalog, DirectoryService directory, SequenceService sequences,
                       CaseTimeline timeline, RuntimeService runtimeService, TaskService taskService,
                       ApprovalService approvals, CopyService copies, DeadlineService deadlines, EngineClock clock,
                       CaseDiagrams diagrams, ApplicantIntake applicantIntake, ApplicantMapper applicants,
                       CaseExchange exchange) {
        this.applicantIntake = applicantIntake;
        this.applicants = applicants;
        this.exchange = exchange;
        this.mapper = mapper;
        this.catalog = catalog;
        this.directory = directory;
        this.sequences = sequences;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.approvals = approvals;
        this.copies = copies;
        this.deadlines = deadlines;
        this.clock = clock;
        this.diagrams = diagrams;
    }

    /**
     * 收件: a window clerk registers an application; the process starts with the intake task assigned to that
     * clerk. Every material of the chosen matters is marked provided; 容缺 is decided at intake.
     */
    @Transactional
    public CaseView create(Actor actor, CaseForm form) {
        String window = actor.positions().stream().filter(p -> p.role() == Role.CLERK).map(Position::departmentCode)
                .findFirst().orElseThrow(() -> new ForbiddenException("只有窗口受理员可以收件"));
        List<Matter> matters = matters(form);
        validateApplicant(form);

        CaseRow row = new CaseRow();
        row.createdAt = timeline.now();
        row.caseNumber = "TB" + LocalDate.ofInstant(row.createdAt, ZONE).format(DAY)
                + String.format("%05d", sequences.next("case:" + LocalDate.ofInstant(row.createdAt, ZONE).format(DAY)));
        row.bundleCode = form.bundleCode();
        row.title = title(form, matters);
        row.applicantType = form.applicantType().name();
        row.applicantName = form.applicantName().strip();
        row.applicantIdNumber = form.applicantIdNumber();
        row.applicantPhone = form.applicantPhone();
        row.windowDepartment = window;
        row.createdBy = actor.username();
        row.status = CaseStatus.RECEIVED.name();
        mapper.insertCase(row);
        for (Matter matter : matters) {
            mapper.insertMatter(new CaseMatterRow(row.id, matter.code(), null));
            for (Material material : matter.materials()) {
                mapper.insertMaterial(new MaterialRow(row.id, matter.code(), material.code(), "PROVIDED"));
            }
        }
        timeline.event(row.id, "caseCreated", "收件", actor.username(), actor.displayName(), null);
        String accessCode = applicantIntake.received(row, actor, matters);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.ONE_WINDOW_APPROVAL,
                String.valueOf(row.id), Variables.createVariables()
                        .putValue("caseId", row.id)
                        .putValue("applicantType", row.applicantType)
                        .putValue("windowDepartment", window)
                        .putValue("initiator", actor.username())
                        .putValue("applicantName", row.applicantName));
        mapper.setProcessInstance(row.id, instance.getId());
        exchange.reportStatus(row.id);
        return view(mapper.findCase(row.id)).withAccessCode(accessCode);
    }

    /** A case with its timeline, if the actor may see it. */
    @Transactional(readOnly = true)
    public CaseView get(Actor actor, long caseId) {
        return view(visibleCase(actor, caseId));
    }

    /**
     * The BPMN diagram of the case's process with its done and current steps, under the same visibility as
     * {@link #get}: a case the actor may not see answers 404.
     */
    @Transactional(readOnly = true)
    public CaseDiagram diagram(Actor actor, long caseId) {
        return diagrams.of(visibleCase(actor, caseId).processInstanceId);
    }

    /**
     * 补正登记: completes the open supplement-registration task of the case (for one department), so that
     * department's review resumes.
     */
    @Transactional
    public CaseView registerSupplement(Actor actor, long caseId, SupplementForm form) {
        CaseRow row = visibleCase(actor, caseId);
        if (!actor.hasRoleIn(row.windowDepartment, Role.CLERK)) {
            throw new ForbiddenException("只有受理窗口可以登记补正材料");
        }
        List<Task> waiting = taskService.createTaskQuery().processInstanceId(row.processInstanceId)
                .taskDefinitionKey("registerSupplement").list().stream()
                .filter(t -> form.departmentCode() == null || form.departmentCode()
                        .equals(runtimeService.getVariable(t.getExecutionId(), "department")))
                .toList();
        if (waiting.isEmpty()) {
            throw new ConflictException("本办件没有等待补正的部门" + (form.departmentCode() == null ? "" : "：" + form.departmentCode()));
        }
        if (waiting.size() > 1) {
            throw new InvalidInputException("多个部门在等待补正，请指明 departmentCode",
                    Map.of("departmentCode", "必须指明部门"));
        }
        approvals.complete(actor, waiting.get(0).getId(), CompletionForm.of(null, form.note()));
        return view(mapper.findCase(caseId));
    }

    private CaseRow visibleCase(Actor actor, long caseId) {
        CaseRow row = mapper.findCase(caseId);
        if (row == null || !canSee(actor, row)) {
            throw new NotFoundException("办件不存在或无权查看：" + caseId);
        }
        return row;
    }

    private boolean canSee(Actor actor, CaseRow row) {
        if (actor.username().equals(row.createdBy) || actor.worksIn(row.windowDepartment)
                || actor.hasRole(Role.SUPERVISOR) || actor.hasRole(Role.ADMIN)) {
            return true;
        }
        Set<String> mine = actor.departments();
        return mapper.findRoutings(row.id).stream().anyMatch(r -> mine.contains(r.departmentCode()))
                || copies.isCopiedTo(actor.username(), row.processInstanceId);
    }

    private List<Matter> matters(CaseForm form) {
        Map<String, Matter> catalogue = catalog.mattersByCode();
        List<String> codes = form.matterCodes();
        if (form.bundleCode() != null) {
            MatterBundle bundle = catalog.bundle(form.bundleCode()).orElseThrow(() ->
                    new InvalidInputException("未知的一件事：" + form.bundleCode(), Map.of("bundleCode", "不存在")));
            if (!codes.isEmpty() && !Set.copyOf(codes).equals(Set.copyOf(bundle.matterCodes()))) {
                throw new InvalidInputException("所选事项与一件事「" + bundle.name() + "」不符",
                        Map.of("matterCodes", "应为 " + bundle.matterCodes()));
            }
            codes = bundle.matterCodes();
        }
        if (codes.isEmpty()) {
            throw new InvalidInputException("请选择事项或一件事", Map.of("matterCodes", "不能为空"));
        }
        if (codes.size() != Set.copyOf(codes).size()) {
            throw new InvalidInputException("事项重复", Map.of("matterCodes", "不能重复"));
        }
        return codes.stream().map(code -> {
            Matter matter = catalogue.get(code);
            if (matter == null) {
                throw new InvalidInputException("未知的事项：" + code, Map.of("matterCodes", code + " 不存在"));
            }
            return matter;
        }).toList();
    }

    private static void validateApplicant(CaseForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.applicantType() == null) {
            errors.put("applicantType", "必须是 PERSON 或 ENTERPRISE");
        } else if (!ApplicantIds.isValid(form.applicantType(), form.applicantIdNumber())) {
            errors.put("applicantIdNumber", form.applicantType() == ApplicantType.PERSON
                    ? "不是有效的居民身份证号码" : "不是有效的统一社会信用代码");
        }
        if (form.applicantName() == null || form.applicantName().isBlank() || form.applicantName().length() > 128) {
            errors.put("applicantName", "必填，至多 128 字");
        }
        if (form.applicantPhone() != null && !form.applicantPhone().matches("[0-9+\\- ]{5,32}")) {
            errors.put("applicantPhone", "不是有效的电话号码");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("申请人信息有误", errors);
        }
    }

    private String title(CaseForm form, List<Matter> matters) {
        String what = form.bundleCode() != null
                ? catalog.bundle(form.bundleCode()).map(MatterBundle::name).orElseThrow()
                : matters.stream().map(Matter::name).collect(Collectors.joining("、"));
        return what + " — " + form.applicantName().strip();
    }

    CaseView view(CaseRow row) {
        Map<String, Matter> catalogue = catalog.mattersByCode();
        Map<String, Department> departments = directory.departmentsByCode();
        List<RoutingRow> routings = mapper.findRoutings(row.id);
        List<CaseView.MatterDecision> matters = mapper.findMatters(row.id).stream()
                .map(m -> new CaseView.MatterDecision(m.matterCode(), catalogue.get(m.matterCode()).name(),
                        routings.stream().filter(r -> r.matterCode().equals(m.matterCode()))
                                .map(RoutingRow::departmentCode).toList(), m.decision()))
                .toList();
        Instant now = clock.now();
        Map<String, Deadline> reviewClocks = deadlines.ofSubject(DeadlineKind.CASE_REVIEW, row.id).stream()
                .collect(Collectors.toMap(Deadline::part, d -> d));
        List<CaseView.Review> reviews = mapper.findReviews(row.id).stream()
                .map(r -> {
                    Deadline clock = reviewClocks.get(r.departmentCode());
                    return new CaseView.Review(r.departmentCode(), name(departments, r.departmentCode()), r.status(),
                            r.decision(), r.leaderRequired(), r.startedAt(), r.endedAt(),
                            clock == null ? null : clock.limitDays(), clock == null ? null : clock.dueAt(),
                            clock == null ? null : clock.light(now), clock == null ? List.of()
                                    : deadlines.pauses(clock.id()).stream().map(p -> new CaseView.PausedSpan(
                                            p.pausedAt(), p.resumedAt(), p.remainingDays(), p.reason())).toList());
                })
                .toList();
        Deadline caseClock = deadlines.find(DeadlineKind.CASE, row.id, null).orElse(null);
        List<CaseView.MaterialState> materials = mapper.findMaterials(row.id).stream()
                .map(m -> {
                    Material material = catalogue.get(m.matterCode()).materials().stream()
                            .filter(x -> x.code().equals(m.materialCode())).findFirst().orElseThrow();
                    return new CaseView.MaterialState(m.matterCode(), m.materialCode(), material.name(),
                            material.keyMaterial(), m.status());
                }).toList();
        List<CaseView.OpenStep> open = row.processInstanceId == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(row.processInstanceId).orderByTaskCreateTime().asc()
                        .list().stream()
                        .map(t -> new CaseView.OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                                department(t), t.getAssignee(), t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                        .toList();
        List<CaseView.TimelineEntry> steps = mapper.findSteps(row.id).stream()
                .map(s -> new CaseView.TimelineEntry(s.activityId(), s.activityName(), s.departmentCode(), s.actor(),
                        s.actorName(), s.decision(), s.opinion(), s.occurredAt()))
                .toList();
        return new CaseView(row.id, row.caseNumber, row.title, row.bundleCode, ApplicantType.valueOf(row.applicantType),
                row.applicantName, row.applicantIdNumber, row.applicantPhone, row.windowDepartment, row.createdBy,
                CaseStatus.valueOf(row.status), row.intakeDecision, row.outcome, row.createdAt, row.closedAt,
                caseClock == null ? null : caseClock.dueAt(), caseClock == null ? null : caseClock.light(now),
                matters, reviews, materials, open, steps,
                visits(row.id),
                applicants.findLookups(row.id).stream().map(l -> new CaseView.LicenseLookup(l.matterCode(),
                        l.materialCode(), l.licenseType(), l.result(), l.licenseNumber(), l.issuer(), l.lookedUpAt()))
                        .toList(),
                applicants.pendingDue(row.id), rating(row.id), null);
    }

    private CaseView.Rating rating(long caseId) {
        RatingRow r = applicants.findRating(caseId);
        return r == null ? null : new CaseView.Rating(r.score(), r.comment(), r.ratedAt(), r.tracedActivityName(),
                r.tracedDepartment(), r.tracedReason(), r.rectificationItemId());
    }

    /** The name of a material of the catalogue. */
    String materialName(String matterCode, String materialCode) {
        return catalog.mattersByCode().get(matterCode).materials().stream()
                .filter(x -> x.code().equals(materialCode)).map(Material::name).findFirst().orElse(materialCode);
    }

    /** The case row when the actor may see it (404 otherwise); for the applicant-side services. */
    CaseRow visible(Actor actor, long caseId) {
        return visibleCase(actor, caseId);
    }

    private String department(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId().split(":")[0]).findFirst().orElse(null);
    }

    private static String name(Map<String, Department> departments, String code) {
        Department d = departments.get(code);
        return d == null ? code : d.name();
    }

    /** The applicant's trips to the window, each with the name of the clerk who recorded it. */
    private List<CaseView.Visit> visits(long caseId) {
        List<VisitRow> rows = applicants.findVisits(caseId);
        Map<String, String> names = directory.displayNames(rows.stream().map(VisitRow::recordedBy).toList());
        return rows.stream().map(v -> new CaseView.Visit(v.purpose(), v.note(), v.recordedBy(),
                names.getOrDefault(v.recordedBy(), v.recordedBy()), v.occurredAt())).toList();
    }
}
