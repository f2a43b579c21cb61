package org.tongban.engine.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.cases.CaseRatedPoorly;
import org.tongban.engine.cases.CaseReviewOverdue;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineSubject;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Position;
import org.tongban.engine.directory.Role;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.SequenceService;
import org.tongban.engine.supervision.internal.ItemViews;
import org.tongban.engine.supervision.internal.SupervisionLog;
import org.tongban.engine.supervision.internal.SupervisionSettings;
import org.tongban.engine.supervision.internal.SupervisionVariables;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SubItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/**
 * 督查督办 items: 立项 (by a supervisor, or by the platform for an overdue case), 分解 while the item waits to be
 * split, 催办, reading. The process steps (交办, reports, reviews, 销号) are tasks completed through the approval
 * service. Supervisors and the supervising department see every item; a unit sees the items it has a sub-item in,
 * with only its own sub-items; any other item does not exist for it.
 */
@Service
public class SupervisionService {

    private static final int MAX_PAGE_SIZE = 100;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final SupervisionMapper mapper;
    private final DirectoryService directory;
    private final WorkCalendarService calendars;
    private final DeadlineService deadlines;
    private final SequenceService sequences;
    private final RuntimeService runtimeService;
    private final NotificationService notifications;
    private final SupervisionSettings settings;
    private final SupervisionLog log;
    private final ItemViews views;
    private final EngineClock clock;

    public SupervisionService(SupervisionMapper mapper, DirectoryService directory, WorkCalendarService calendars,
                              DeadlineService deadlines, SequenceService sequences, RuntimeService runtimeService,
                              NotificationService notifications, SupervisionSettings settings, SupervisionLog log,
                              ItemViews views, EngineClock clock) {
        this.mapper = mapper;
        this.directory = directory;
        this.calendars = calendars;
        this.deadlines = deadlines;
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.notifications = notifications;
        this.settings = settings;
        this.log = log;
        this.views = views;
        this.clock = clock;
    }

    /**
     * 立项 by a supervisor, for their own department: the item, its sub-items when given (then assigned at once),
     * its clock, and the supervision process.
     *
     * @throws ForbiddenException    unless the actor is a supervisor
     * @throws InvalidInputException with field errors; nothing is stored
     */
    @Transactional
    public SupervisionItemView open(Actor actor, SupervisionItemForm form) {
        String supervising = actor.positions().stream().filter(p -> p.role() == Role.SUPERVISOR)
                .map(Position::departmentCode).findFirst()
                .orElseThrow(() -> new ForbiddenException("只有督办员可以立项"));
        Instant due = validate(form);
        ItemRow row = newItem(form.title().strip(), form.source(), blankToNull(form.sourceRef()),
                blankToNull(form.description()), supervising, due, actor.username(), !form.subItems().isEmpty());
        for (SubItemForm sub : form.subItems()) {
            insertSubItem(row.id, sub, due);
        }
        log.event(row.id, null, "OPENED", actor.username(), actor.displayName(), sourceNote(form.source(), row.sourceRef));
        start(row, !form.subItems().isEmpty());
        return views.view(mapper.findItem(row.id), null);
    }

    /**
     * 分解: adds a sub-item while the item waits to be split; completing the 分解交办 task then assigns it.
     *
     * @throws NotFoundException when the actor may not see the item
     * @throws ForbiddenException unless the actor supervises it
     * @throws ConflictException  when the item is not waiting to be split
     */
    @Transactional
    public SupervisionItemView addSubItem(Actor actor, long itemId, SubItemForm form) {
        ItemRow row = visibleItem(actor, itemId);
        requireSupervisor(actor, row);
        row = mapper.lockItem(itemId);
        if (!SupervisionItemStatus.SPLITTING.name().equals(row.status)) {
            throw new ConflictException("事项不在分解交办环节，不能添加子项");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkSubItem(form, row.dueAt, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("子项信息有误", errors);
        }
        SubItemRow sub = insertSubItem(itemId, form, row.dueAt);
        log.event(itemId, sub.id, "SPLIT", actor.username(), actor.displayName(),
                unitName(sub.unitDepartment) + "：" + sub.requirement);
        return views.view(mapper.findItem(itemId), null);
    }

    /** One item as the actor may see it. */
    @Transactional(readOnly = true)
    public SupervisionItemView get(Actor actor, long itemId) {
        ItemRow row = visibleItem(actor, itemId);
        return views.view(row, seesAll(actor, row) ? null : actor.departments());
    }

    /** The items the actor may see, newest first, optionally in one status. */
    @Transactional(readOnly = true)
    public SupervisionItemSummary.Page list(Actor actor, SupervisionItemStatus status, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        Collection<String> units = actor.hasRole(Role.SUPERVISOR) ? null : actor.departments();
        if (units != null && units.isEmpty()) {
            return new SupervisionItemSummary.Page(List.of(), 0, page, size);
        }
        String state = status == null ? null : status.name();
        return new SupervisionItemSummary.Page(
                views.summaries(mapper.findItemPage(units, state, size, page * size), units),
                mapper.countItems(units, state), page, size);
    }

    /**
     * 催办: reminds one sub-item's unit, or every unit still working on the item, with a notification to its
     * handlers; logged on the item.
     *
     * @throws ConflictException when nothing is open to urge
     */
    @Transactional
    public SupervisionItemView urge(Actor actor, long itemId, UrgeForm form) {
        ItemRow row = visibleItem(actor, itemId);
        requireSupervisor(actor, row);
        String note = form == null ? null : blankToNull(form.note());
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("催办说明至多 500 字", Map.of("note", "至多 500 字"));
        }
        List<SubItemRow> targets = mapper.findSubItems(itemId).stream()
                .filter(s -> form == null || form.subItemId() == null || form.subItemId().equals(s.id))
                .toList();
        if (form != null && form.subItemId() != null && targets.isEmpty()) {
            throw new NotFoundException("子项不存在：" + form.subItemId());
        }
        List<SubItemRow> open = targets.stream().filter(s -> SubItemStatus.IN_PROGRESS.name().equals(s.status)).toList();
        if (open.isEmpty()) {
            throw new ConflictException("没有办理中的子项可催办");
        }
        for (SubItemRow sub : open) {
            notifications.toGroup(sub.unitDepartment + ":handler", NotificationType.URGED,
                    "催办：" + row.itemNumber + " " + row.title, note == null ? sub.requirement : note,
                    "SUPERVISION_ITEM", itemId);
            log.event(itemId, sub.id, "URGED", actor.username(), actor.displayName(), note);
        }
        return views.view(mapper.findItem(itemId), null);
    }

    /**
     * Opens an item for a department review that passed its deadline (the platform, on {@link CaseReviewOverdue}):
     * supervised by {@code tongban.supervision.department}, one sub-item for the late department with
     * {@code tongban.supervision.overdue-case-days} working days, assigned at once. At most one item per case and
     * department.
     *
     * @return the item's id, empty when one existed already
     */
    @Transactional
    public Optional<Long> openForOverdueCase(CaseReviewOverdue overdue) {
        if (mapper.findItemOfCase(overdue.caseId(), overdue.departmentCode()) != null) {
            return Optional.empty();
        }
        WorkCalendar calendar = calendars.calendar();
        Instant due = calendar.addWorkingDays(clock.now(), settings.overdueCaseDays());
        String unit = unitName(overdue.departmentCode());
        ItemRow row = new ItemRow();
        row.caseId = overdue.caseId();
        row.caseDepartment = overdue.departmentCode();
        fill(row, "逾期督办：" + overdue.title(), SupervisionSource.OVERDUE_CASE, overdue.caseNumber(),
                unit + " 的办理期限 " + SHOWN.format(overdue.dueAt()) + " 已过", settings.department(), due,
                SupervisionLog.SYSTEM, true);
        mapper.insertItem(row);
        insertSubItem(row.id, new SubItemForm(overdue.departmentCode(),
                "办件 " + overdue.caseNumber() + " 已逾期，请尽快办结并反馈逾期原因", null), due);
        log.system(row.id, null, "OPENED", sourceNote(SupervisionSource.OVERDUE_CASE, overdue.caseNumber()));
        start(row, true);
        return Optional.of(row.id);
    }

    /** 差评整改 for a {@link CaseRatedPoorly}: one sub-item for the traced department, reported by its leaders. */
    @Transactional
    public long openRectification(CaseRatedPoorly rating) {
        Instant due = calendars.calendar().addWorkingDays(clock.now(), settings.rectificationDays());
        String unit = unitName(rating.departmentCode());
        ItemRow row = newItem("差评整改：" + rating.caseNumber() + "（" + unit + "）", SupervisionSource.RATING,
                rating.caseNumber(), "申请人评价 " + rating.score() + " 分：" + rating.comment() + "。追溯到「"
                        + rating.activityName() + "」：" + rating.reason(),
                settings.department(), due, SupervisionLog.SYSTEM, true);
        insertSubItem(row.id, new SubItemForm(rating.departmentCode(), "针对办件 " + rating.caseNumber()
                + " 的差评（" + rating.comment() + "）查明原因、落实整改并反馈整改结果", null), due);
        log.system(row.id, null, "OPENED", sourceNote(SupervisionSource.RATING, rating.caseNumber()));
        start(row, true);
        return row.id;
    }

    private ItemRow newItem(String title, SupervisionSource source, String sourceRef, String description,
                            String supervising, Instant due, String createdBy, boolean presplit) {
        ItemRow row = new ItemRow();
        fill(row, title, source, sourceRef, description, supervising, due, createdBy, presplit);
        mapper.insertItem(row);
        return row;
    }

    private void fill(ItemRow row, String title, SupervisionSource source, String sourceRef, String description,
                      String supervising, Instant due, String createdBy, boolean presplit) {
        Instant now = clock.now();
        int year = LocalDate.ofInstant(now, WorkCalendar.ZONE).getYear();
        row.itemNumber = "督〔" + year + "〕" + sequences.next("supervision:" + year) + "号";
        row.title = title;
        row.source = source.name();
        row.sourceRef = sourceRef;
        row.description = description;
        row.supervisorDepartment = supervising;
        row.dueAt = due;
        row.status = (presplit ? SupervisionItemStatus.IN_PROGRESS : SupervisionItemStatus.SPLITTING).name();
        row.createdBy = createdBy;
        row.createdAt = now;
    }

    /** The item's clock and its process; business key = the item's id. */
    private void start(ItemRow row, boolean presplit) {
        Deadline itemClock = deadlines.openUntil(new DeadlineSubject(DeadlineKind.SUPERVISION_ITEM, row.id, null,
                row.itemNumber, row.title, agencyOf(row.supervisorDepartment), row.supervisorDepartment, row.source),
                row.dueAt, null);
        VariableMap variables = Variables.createVariables()
                .putValue(SupervisionVariables.ITEM_ID, row.id)
                .putValue(SupervisionVariables.SUPERVISOR_DEPARTMENT, row.supervisorDepartment)
                .putValue(SupervisionVariables.FEEDBACK_CYCLE, settings.feedbackCycle())
                .putValue(SupervisionVariables.PRESPLIT, presplit);
        variables.putAll(DeadlineVariables.of(itemClock));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.SUPERVISION,
                String.valueOf(row.id), variables);
        mapper.setProcessInstance(row.id, instance.getId());
    }

    private SubItemRow insertSubItem(long itemId, SubItemForm form, Instant itemDue) {
        SubItemRow sub = new SubItemRow();
        sub.itemId = itemId;
        sub.unitDepartment = form.unitDepartment();
        sub.agencyCode = agencyOf(form.unitDepartment());
        sub.requirement = form.requirement().strip();
        sub.dueAt = form.dueDate() == null ? itemDue : calendars.calendar().endOfOfficeHours(form.dueDate());
        sub.status = SubItemStatus.NEW.name();
        sub.createdAt = clock.now();
        mapper.insertSubItem(sub);
        return sub;
    }

    private Instant validate(SupervisionItemForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.title() == null || form.title().isBlank() || form.title().strip().length() > 256) {
            errors.put("title", "必填，至多 256 字");
        }
        if (form.source() == null || form.source() == SupervisionSource.OVERDUE_CASE
                || form.source() == SupervisionSource.RATING) {
            errors.put("source", "必须是 INSTRUCTION（领导批示）或 MEETING（会议决定）");
        }
        if (form.sourceRef() != null && form.sourceRef().length() > 256) {
            errors.put("sourceRef", "至多 256 字");
        }
        if (form.description() != null && form.description().length() > 2000) {
            errors.put("description", "至多 2000 字");
        }
        Instant due = checkDueDate(form.dueDate(), "dueDate", errors);
        if (form.subItems().size() > 50) {
            errors.put("subItems", "至多 50 个子项");
        }
        for (int i = 0; i < form.subItems().size() && due != null; i++) {
            checkSubItem(form.subItems().get(i), due, "subItems[" + i + "].", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("督办事项信息有误", errors);
        }
        return due;
    }

    private void checkSubItem(SubItemForm form, Instant itemDue, String prefix, Map<String, String> errors) {
        if (form == null) {
            errors.put(prefix + "unitDepartment", "必填");
            return;
        }
        if (form.unitDepartment() == null || directory.department(form.unitDepartment()).isEmpty()) {
            errors.put(prefix + "unitDepartment", "不是已知的部门");
        }
        if (form.requirement() == null || form.requirement().isBlank() || form.requirement().length() > 2000) {
            errors.put(prefix + "requirement", "必填，至多 2000 字");
        }
        Instant due = checkDueDate(form.dueDate(), prefix + "dueDate", errors);
        if (due != null && due.isAfter(itemDue)) {
            errors.put(prefix + "dueDate", "不能晚于事项的办结期限");
        }
    }

    /** A due date must be a working day whose office hours have not ended yet. */
    private Instant checkDueDate(LocalDate day, String field, Map<String, String> errors) {
        if (day == null) {
            errors.put(field, "必填，格式 yyyy-MM-dd");
            return null;
        }
        WorkCalendar calendar = calendars.calendar();
        if (!calendar.isWorkingDay(day)) {
            errors.put(field, day + " 不是工作日");
            return null;
        }
        Instant due = calendar.endOfOfficeHours(day);
        if (!due.isAfter(clock.now())) {
            errors.put(field, "不能早于今天");
            return null;
        }
        return due;
    }

    private ItemRow visibleItem(Actor actor, long itemId) {
        ItemRow row = mapper.findItem(itemId);
        if (row == null || !(seesAll(actor, row) || mapper.findSubItems(itemId).stream()
                .anyMatch(s -> actor.worksIn(s.unitDepartment)))) {
            throw new NotFoundException("督办事项不存在或无权查看：" + itemId);
        }
        return row;
    }

    private static boolean seesAll(Actor actor, ItemRow row) {
        return actor.hasRole(Role.SUPERVISOR) || actor.worksIn(row.supervisorDepartment);
    }

    private static void requireSupervisor(Actor actor, ItemRow row) {
        if (!actor.hasRole(Role.SUPERVISOR) && !actor.hasRoleIn(row.supervisorDepartment, Role.LEADER)) {
            throw new ForbiddenException("只有督办员可以分解或催办督办事项");
        }
    }

    private String agencyOf(String department) {
        return directory.department(department).map(Department::agencyCode).orElse(null);
    }

    private String unitName(String department) {
        return directory.department(department).map(Department::name).orElse(department);
    }

    private static String sourceNote(SupervisionSource source, String ref) {
        String what = switch (source) {
            case INSTRUCTION -> "领导批示";
            case MEETING -> "会议决定";
            case OVERDUE_CASE -> "逾期办件";
            case RATING -> "差评整改";
        };
        return ref == null ? what : what + "：" + ref;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
