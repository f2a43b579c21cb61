package org.tongban.engine.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.deadline.persistence.BoardQuery;
import org.tongban.engine.deadline.persistence.DeadlineMapper;
import org.tongban.engine.deadline.persistence.DeadlineRow;
import org.tongban.engine.deadline.persistence.DeadlineStepRow;
import org.tongban.engine.deadline.persistence.StepSampleRow;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Reads across clocks for boards and statistics. Callers decide who sees what: {@code departments} limits the
 * clocks to those departments, null means all of them (a supervisor).
 *
 * <p><b>At risk</b> (before yellow): for a GREEN running clock, each open step is compared with the history of the
 * same step under closed clocks of the same kind and department: the working time those took from entering the
 * step to the clock's close ({@code to_close_minutes}, pauses left out). Of the past clocks that were still open
 * after as much time in the step as this one has spent ({@code e}), the average of what they still needed
 * ({@code sample − e}) is the prediction; the clock is at risk when the prediction exceeds the working time left
 * before its deadline, or when no past clock ever spent that long in the step. At least
 * {@code tongban.deadlines.risk-min-samples} (default 3) past clocks are needed, the newest 200 are used; with
 * fewer there is no prediction and no flag.
 */
@Service
public class DeadlineBoard {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_SAMPLES = 200;
    /** The kinds statistics count unless told otherwise: the units' own work, not the whole case or item. */
    private static final Set<DeadlineKind> WORK_KINDS = Set.of(DeadlineKind.CASE_REVIEW, DeadlineKind.SUPERVISION_TASK);

    private final DeadlineMapper mapper;
    private final WorkCalendarService calendars;
    private final DirectoryService directory;
    private final EngineClock clock;
    private final int minSamples;

    public DeadlineBoard(DeadlineMapper mapper, WorkCalendarService calendars, DirectoryService directory,
                         EngineClock clock, @Value("${tongban.deadlines.risk-min-samples:3}") int minSamples) {
        this.mapper = mapper;
        this.calendars = calendars;
        this.directory = directory;
        this.clock = clock;
        this.minSamples = Math.max(1, minSamples);
    }

    /** Open clocks matching the filter, soonest deadline first. */
    @Transactional(readOnly = true)
    public BoardPage page(BoardFilter filter, Collection<String> departments, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        if (departments != null && departments.isEmpty()) {
            return new BoardPage(List.of(), 0, page, size);
        }
        Instant now = clock.now();
        BoardQuery query = query(filter, departments, now, size, page * size);
        return new BoardPage(items(mapper.findOpen(query), now), mapper.countOpen(query), page, size);
    }

    /** Every open clock matching the filter (for an export), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<TrackedItem> all(BoardFilter filter, Collection<String> departments, int limit) {
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        return items(mapper.findOpen(query(filter, departments, now, limit, 0)), now);
    }

    /**
     * Statistics of the period [from, until): by agency or department over clocks closed in it, by step over steps
     * completed in it. {@code kinds} null counts department reviews and supervision sub-items.
     */
    @Transactional(readOnly = true)
    public List<StatisticsRow> statistics(StatisticsGrouping by, Instant from, Instant until, Set<DeadlineKind> kinds,
                                          String agencyCode, String departmentCode, Collection<String> departments) {
        if (from == null || until == null || !from.isBefore(until)) {
            throw new InvalidInputException("统计区间无效：起始时间须早于截止时间", Map.of("from", "须早于 to"));
        }
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        List<String> kindNames = (kinds == null || kinds.isEmpty() ? WORK_KINDS : kinds).stream().map(Enum::name).sorted()
                .toList();
        Instant now = clock.now();
        if (by == StatisticsGrouping.STEP) {
            return stepStatistics(mapper.findStepsLeftBetween(from, until, kindNames, agencyCode, departmentCode, departments),
                    mapper.findOpenOverdueSteps(now, kindNames, agencyCode, departmentCode, departments));
        }
        Function<DeadlineRow, String> key = by == StatisticsGrouping.AGENCY ? r -> r.agencyCode : r -> r.departmentCode;
        Map<String, String> names = by == StatisticsGrouping.AGENCY
                ? directory.agencies().stream().collect(Collectors.toMap(Agency::code, Agency::name))
                : directory.departments().stream().collect(Collectors.toMap(Department::code, Department::name));
        Map<String, List<DeadlineRow>> closed = group(mapper.findClosedBetween(from, until, kindNames, agencyCode,
                departmentCode, departments), key);
        Map<String, List<DeadlineRow>> overdue = group(mapper.findOpenOverdue(now, kindNames, agencyCode, departmentCode,
                departments), key);
        List<StatisticsRow> rows = new ArrayList<>();
        for (String group : union(closed.keySet(), overdue.keySet())) {
            List<DeadlineRow> finished = closed.getOrDefault(group, List.of());
            long onTime = finished.stream().filter(r -> Boolean.TRUE.equals(r.onTime)).count();
            long late = finished.stream().filter(r -> Boolean.FALSE.equals(r.onTime)).count();
            rows.add(row(group, names.getOrDefault(group, group), finished.size(), onTime, late,
                    overdue.getOrDefault(group, List.of()).size(),
                    finished.stream().map(r -> r.handlingMinutes).filter(m -> m != null).toList()));
        }
        return rows;
    }

    private List<StatisticsRow> stepStatistics(List<StepSampleRow> steps, List<StepSampleRow> openOverdue) {
        Map<String, List<StepSampleRow>> done = group(steps, StepSampleRow::activityId);
        Map<String, List<StepSampleRow>> overdue = group(openOverdue, StepSampleRow::activityId);
        List<StatisticsRow> rows = new ArrayList<>();
        for (String activity : union(done.keySet(), overdue.keySet())) {
            List<StepSampleRow> finished = done.getOrDefault(activity, List.of());
            List<StepSampleRow> open = overdue.getOrDefault(activity, List.of());
            String name = (finished.isEmpty() ? open : finished).get(0).activityName();
            long onTime = finished.stream().filter(s -> s.dueAt() != null && !s.leftAt().isAfter(s.dueAt())).count();
            long late = finished.stream().filter(s -> s.dueAt() != null && s.leftAt().isAfter(s.dueAt())).count();
            rows.add(row(activity, name, finished.size(), onTime, late, open.size(),
                    finished.stream().map(StepSampleRow::stepMinutes).filter(m -> m != null).toList()));
        }
        return rows;
    }

    private static StatisticsRow row(String key, String name, long finished, long onTime, long late, long openOverdue,
                                     List<Long> minutes) {
        Double rate = onTime + late == 0 ? null : round((double) onTime / (onTime + late), 4);
        Double average = minutes.isEmpty() ? null
                : round(minutes.stream().mapToLong(Long::longValue).average().orElseThrow() / 60.0, 2);
        Double p90 = null;
        if (!minutes.isEmpty()) {
            List<Long> sorted = minutes.stream().sorted().toList();
            p90 = round(sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1) / 60.0, 2);
        }
        return new StatisticsRow(key, name, finished, onTime, late, rate, openOverdue, average, p90);
    }

    private List<TrackedItem> items(List<DeadlineRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        WorkCalendar calendar = calendars.calendar();
        Map<Long, List<DeadlineStepRow>> steps = mapper.findOpenSteps(rows.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(DeadlineStepRow::deadlineId));
        Map<String, Department> departments = directory.departmentsByCode();
        Map<String, String> agencies = directory.agencies().stream().collect(Collectors.toMap(Agency::code, Agency::name));
        Map<String, List<Long>> samples = new HashMap<>();
        List<TrackedItem> items = new ArrayList<>();
        for (DeadlineRow row : rows) {
            Deadline deadline = DeadlineService.view(row);
            TrafficLight light = deadline.light(now);
            List<DeadlineStepRow> open = steps.getOrDefault(row.id, List.of());
            Instant at = row.pausedAt != null ? row.pausedAt : now;
            long remaining = calendar.workingTime(at, row.dueAt).toMinutes();
            Prediction prediction = light == TrafficLight.GREEN && row.pausedAt == null
                    ? predict(row, open, now, remaining, calendar, samples) : Prediction.NONE;
            Department department = row.departmentCode == null ? null : departments.get(row.departmentCode);
            items.add(new TrackedItem(row.id, deadline.kind(), row.subjectId, row.subjectPart, row.subjectNumber,
                    row.title, row.agencyCode, row.agencyCode == null ? null : agencies.get(row.agencyCode),
                    row.departmentCode, department == null ? null : department.name(), row.source, row.limitDays,
                    row.startedAt, row.dueAt, row.yellowAt, light, row.pausedAt != null, row.warning,
                    round(remaining / 60.0, 2), prediction.atRisk(), prediction.hours(),
                    open.stream().map(DeadlineStepRow::activityName).distinct().toList()));
        }
        return items;
    }

    /** The "at risk" rule of the class comment. */
    private Prediction predict(DeadlineRow row, List<DeadlineStepRow> open, Instant now, long remainingMinutes,
                               WorkCalendar calendar, Map<String, List<Long>> cache) {
        Prediction result = Prediction.NONE;
        for (DeadlineStepRow step : open) {
            List<Long> history = cache.computeIfAbsent(row.kind + "|" + row.departmentCode + "|" + step.activityId(),
                    k -> mapper.findToCloseSamples(row.kind, row.departmentCode, step.activityId(), MAX_SAMPLES));
            if (history.size() < minSamples) {
                continue;
            }
            long elapsed = calendar.workingTime(step.enteredAt(), now).toMinutes();
            List<Long> stillOpen = history.stream().filter(s -> s > elapsed).toList();
            if (stillOpen.isEmpty()) {
                return new Prediction(true, null);
            }
            double needed = stillOpen.stream().mapToLong(s -> s - elapsed).average().orElseThrow();
            Prediction prediction = new Prediction(needed > remainingMinutes, round(needed / 60.0, 2));
            if (result.hours() == null || prediction.hours() > result.hours()) {
                result = prediction;
            }
        }
        return result;
    }

    private record Prediction(boolean atRisk, Double hours) {
        static final Prediction NONE = new Prediction(false, null);
    }

    private static BoardQuery query(BoardFilter filter, Collection<String> departments, Instant now, int limit,
                                    int offset) {
        return new BoardQuery(filter.kinds() == null ? null : filter.kinds().stream().map(Enum::name).sorted().toList(),
                filter.agencyCode(), filter.departmentCode(), filter.source(),
                filter.light() == null ? null : filter.light().name(), filter.dueFrom(), filter.dueTo(),
                departments == null ? null : List.copyOf(departments), now, limit, offset);
    }

    private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(r -> key.apply(r) == null ? "-" : key.apply(r),
                TreeMap::new, Collectors.toList()));
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().sorted(Comparator.naturalOrder()).toList();
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
