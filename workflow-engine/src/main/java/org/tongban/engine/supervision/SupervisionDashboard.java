package org.tongban.engine.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.deadline.BoardFilter;
import org.tongban.engine.deadline.BoardPage;
import org.tongban.engine.deadline.DeadlineBoard;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.StatisticsGrouping;
import org.tongban.engine.deadline.StatisticsRow;
import org.tongban.engine.deadline.TrackedItem;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.supervision.internal.Csv;

/**
 * 督办看板: every open time limit (cases, department reviews, supervision items and sub-items) with its light and
 * "at risk" flag, and statistics for a period, as a page or as CSV. Supervisors ({@code Role.SUPERVISOR}) read
 * across agencies; anyone else reads only the time limits of their own departments, and naming another department
 * answers "not found".
 */
@Service
public class SupervisionDashboard {

    /** The most rows an export holds. */
    public static final int MAX_EXPORT = 10_000;
    private static final int MAX_PERIOD_DAYS = 3 * 366;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    private static final Map<DeadlineKind, String> KINDS = Map.of(DeadlineKind.CASE, "办件",
            DeadlineKind.CASE_REVIEW, "部门审查", DeadlineKind.SUPERVISION_ITEM, "督办事项",
            DeadlineKind.SUPERVISION_TASK, "督办子项");
    private static final Map<String, String> SOURCES = Map.of("CASE", "办件", "INSTRUCTION", "领导批示",
            "MEETING", "会议决定", "OVERDUE_CASE", "逾期办件", "RATING", "差评整改");
    private static final Map<TrafficLight, String> LIGHTS = Map.of(TrafficLight.GREEN, "绿灯",
            TrafficLight.YELLOW, "黄灯", TrafficLight.RED, "红灯");

    private final DeadlineBoard board;
    private final DirectoryService directory;
    private final EngineClock clock;

    public SupervisionDashboard(DeadlineBoard board, DirectoryService directory, EngineClock clock) {
        this.board = board;
        this.directory = directory;
        this.clock = clock;
    }

    /** One page of open time limits, soonest deadline first. */
    @Transactional(readOnly = true)
    public BoardPage items(Actor actor, DashboardFilter filter, int page, int size) {
        return board.page(boardFilter(filter), scope(actor, filter.agencyCode(), filter.departmentCode()), page, size);
    }

    /** The same list as CSV (UTF-8 with BOM), at most {@link #MAX_EXPORT} rows. */
    @Transactional(readOnly = true)
    public byte[] itemsCsv(Actor actor, DashboardFilter filter) {
        List<TrackedItem> items = board.all(boardFilter(filter),
                scope(actor, filter.agencyCode(), filter.departmentCode()), MAX_EXPORT);
        Csv csv = new Csv().row(List.of("类型", "编号", "标题", "机关", "部门", "来源", "时限（工作日）", "开始", "截止",
                "灯", "暂停", "预警原因", "有逾期风险", "预计还需（工作小时）", "剩余（工作小时）", "当前环节"));
        for (TrackedItem i : items) {
            csv.row(java.util.Arrays.asList(KINDS.get(i.kind()), i.number(), i.title(), i.agencyName(),
                    i.departmentName(), SOURCES.getOrDefault(i.source(), i.source()), i.limitDays(),
                    SHOWN.format(i.startedAt()), SHOWN.format(i.dueAt()), LIGHTS.get(i.light()), i.paused() ? "是" : "否",
                    i.warning(), i.atRisk() ? "是" : "否", i.predictedHours(), i.remainingHours(),
                    String.join("、", i.currentSteps())));
        }
        return csv.bytes();
    }

    /**
     * Statistics of the days {@code from} to {@code to} (both inclusive; default: this month up to today) by
     * agency, department or step.
     */
    @Transactional(readOnly = true)
    public List<StatisticsRow> statistics(Actor actor, StatisticsGrouping by, LocalDate from, LocalDate to,
                                          Set<DeadlineKind> kinds, String agencyCode, String departmentCode) {
        Collection<String> departments = scope(actor, agencyCode, departmentCode);
        LocalDate today = LocalDate.ofInstant(clock.now(), WorkCalendar.ZONE);
        LocalDate first = from == null ? today.withDayOfMonth(1) : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > MAX_PERIOD_DAYS) {
            throw new InvalidInputException("统计区间无效：from 不能晚于 to，跨度至多三年", Map.of("from", "区间无效"));
        }
        return board.statistics(by == null ? StatisticsGrouping.DEPARTMENT : by, startOf(first), startOf(last.plusDays(1)),
                kinds, blankToNull(agencyCode), blankToNull(departmentCode), departments);
    }

    /** The same statistics as CSV (UTF-8 with BOM). */
    @Transactional(readOnly = true)
    public byte[] statisticsCsv(Actor actor, StatisticsGrouping by, LocalDate from, LocalDate to,
                                Set<DeadlineKind> kinds, String agencyCode, String departmentCode) {
        StatisticsGrouping grouping = by == null ? StatisticsGrouping.DEPARTMENT : by;
        String group = switch (grouping) {
            case AGENCY -> "机关";
            case DEPARTMENT -> "部门";
            case STEP -> "环节";
        };
        Csv csv = new Csv().row(List.of(group + "代码", group, "办结数", "按期", "逾期办结", "按期办结率", "在办逾期",
                "平均用时（工作小时）", "P90用时（工作小时）"));
        for (StatisticsRow r : statistics(actor, grouping, from, to, kinds, agencyCode, departmentCode)) {
            csv.row(java.util.Arrays.asList(r.key(), r.name(), r.finished(), r.onTime(), r.late(),
                    r.onTimeRate() == null ? null : String.format("%.1f%%", r.onTimeRate() * 100), r.openOverdue(),
                    r.averageHours(), r.p90Hours()));
        }
        return csv.bytes();
    }

    /**
     * The departments the actor may read: all (null) for a supervisor, else their own. Unknown codes are bad input;
     * another department's code is "not found" for a non-supervisor.
     */
    private Collection<String> scope(Actor actor, String agencyCode, String departmentCode) {
        String agency = blankToNull(agencyCode);
        String department = blankToNull(departmentCode);
        if (agency != null && directory.agencies().stream().map(Agency::code).noneMatch(agency::equals)) {
            throw new InvalidInputException("未知的机关：" + agency, Map.of("agency", "不存在"));
        }
        if (department != null && directory.department(department).isEmpty()) {
            throw new InvalidInputException("未知的部门：" + department, Map.of("department", "不存在"));
        }
        if (actor.hasRole(Role.SUPERVISOR)) {
            return null;
        }
        if (department != null && !actor.worksIn(department)) {
            throw new NotFoundException("部门不存在或无权查看：" + department);
        }
        return actor.departments();
    }

    private static BoardFilter boardFilter(DashboardFilter filter) {
        if (filter.dueFrom() != null && filter.dueTo() != null && filter.dueTo().isBefore(filter.dueFrom())) {
            throw new InvalidInputException("截止区间无效：dueFrom 不能晚于 dueTo", Map.of("dueFrom", "区间无效"));
        }
        if (filter.source() != null && !SOURCES.containsKey(filter.source())) {
            throw new InvalidInputException("未知的来源：" + filter.source(), Map.of("source", "应为 " + SOURCES.keySet()));
        }
        return new BoardFilter(filter.kinds(), filter.agencyCode(), filter.departmentCode(), filter.source(),
                filter.light(), filter.dueFrom() == null ? null : startOf(filter.dueFrom()),
                filter.dueTo() == null ? null : startOf(filter.dueTo().plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(WorkCalendar.ZONE).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
