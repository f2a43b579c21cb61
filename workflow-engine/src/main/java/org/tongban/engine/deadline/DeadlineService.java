package org.tongban.engine.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.deadline.persistence.DeadlineMapper;
import org.tongban.engine.deadline.persistence.DeadlineRow;
import org.tongban.engine.deadline.persistence.DeadlineStepRow;
import org.tongban.engine.deadline.persistence.PauseRow;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.NotFoundException;

/**
 * Opens, pauses, resumes and closes clocks. Runs inside the engine command that changes the process (a listener or
 * delegate), so a clock and its process never disagree.
 *
 * <p>Rules, all on the official calendar ({@link WorkCalendar}): a clock of n working days started at s is due
 * {@code addWorkingDays(s, n)}; its budget is the working time from s to that deadline; it turns yellow when the
 * working time left falls below {@code tongban.deadlines.yellow-threshold} (default 1/3) of the budget, red at the
 * deadline. A pause (补正) keeps the working days left ({@code remainingWorkingDays}); the resume starts them again
 * ({@code addWorkingDays(resumedAt, left)}) and moves the yellow point to the same share of the unchanged budget
 * before the new deadline.
 */
@Service
public class DeadlineService {

    private final DeadlineMapper mapper;
    private final WorkCalendarService calendars;
    private final EngineClock clock;
    private final double yellowThreshold;

    public DeadlineService(DeadlineMapper mapper, WorkCalendarService calendars, EngineClock clock,
                           @Value("${tongban.deadlines.yellow-threshold:0.3333333333333333}") double yellowThreshold) {
        if (!(yellowThreshold > 0 && yellowThreshold < 1)) {
            throw new IllegalStateException("tongban.deadlines.yellow-threshold must be between 0 and 1: " + yellowThreshold);
        }
        this.mapper = mapper;
        this.calendars = calendars;
        this.clock = clock;
        this.yellowThreshold = yellowThreshold;
    }

    /** The share of the budget below which a clock shows yellow. */
    public double yellowThreshold() {
        return yellowThreshold;
    }

    /**
     * Starts a clock of {@code limitDays} working days now. A subject that already has a clock (its scope entered
     * again, e.g. sent back) keeps it: a closed clock runs on with its dates.
     */
    @Transactional
    public Deadline open(DeadlineSubject subject, int limitDays, String processInstanceId) {
        Instant now = clock.now();
        return open(subject, limitDays, now, calendars.calendar().addWorkingDays(now, limitDays), processInstanceId);
    }

    /**
     * Starts a clock now that is due at {@code due} (e.g. the end of office hours of a day a supervisor chose); its
     * limit in working days is {@code workingDaysBetween(now, due)}.
     */
    @Transactional
    public Deadline openUntil(DeadlineSubject subject, Instant due, String processInstanceId) {
        Instant now = clock.now();
        return open(subject, calendars.calendar().workingDaysBetween(now, due), now, due, processInstanceId);
    }

    private Deadline open(DeadlineSubject subject, int limitDays, Instant now, Instant due, String processInstanceId) {
        DeadlineRow existing = mapper.findBySubject(subject.kind().name(), subject.subjectId(), subject.part());
        if (existing != null) {
            if (!DeadlineState.valueOf(existing.clockState).isOpen()) {
                existing.clockState = DeadlineState.RUNNING.name();
                existing.closedAt = null;
                existing.handlingMinutes = null;
                existing.onTime = null;
                mapper.update(existing);
            }
            return view(existing);
        }
        WorkCalendar calendar = calendars.calendar();
        // whole minutes, as stored, so the yellow point computed now and after a pause agree
        Duration budget = Duration.ofMinutes(calendar.workingTime(now, due).toMinutes());
        DeadlineRow row = new DeadlineRow();
        row.kind = subject.kind().name();
        row.subjectId = subject.subjectId();
        row.subjectPart = subject.part();
        row.subjectNumber = subject.number();
        row.title = subject.title();
        row.agencyCode = subject.agencyCode();
        row.departmentCode = subject.departmentCode();
        row.source = subject.source();
        row.processInstanceId = processInstanceId;
        row.limitDays = limitDays;
        row.startedAt = now;
        row.dueAt = due;
        row.yellowAt = calendar.yellowAt(due, budget, yellowThreshold);
        row.budgetMinutes = budget.toMinutes();
        row.clockState = DeadlineState.RUNNING.name();
        mapper.insert(row);
        return view(row);
    }

    /** A clock by id. */
    @Transactional(readOnly = true)
    public Deadline get(long id) {
        return view(row(id));
    }

    @Transactional(readOnly = true)
    public Optional<Deadline> find(DeadlineKind kind, long subjectId, String part) {
        return Optional.ofNullable(mapper.findBySubject(kind.name(), subjectId, part == null ? DeadlineSubject.WHOLE : part))
                .map(DeadlineService::view);
    }

    /** Every clock of a subject (a case's reviews, by department). */
    @Transactional(readOnly = true)
    public List<Deadline> ofSubject(DeadlineKind kind, long subjectId) {
        return mapper.findAllOfSubject(kind.name(), subjectId).stream().map(DeadlineService::view).toList();
    }

    /** 红黄绿灯 of user tasks now: the light of the clock each was created under; tasks under no clock are absent. */
    @Transactional(readOnly = true)
    public Map<String, TrafficLight> lightsOfTasks(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<DeadlineStepRow> steps = mapper.findStepsOfTasks(taskIds);
        if (steps.isEmpty()) {
            return Map.of();
        }
        Map<Long, Deadline> clocks = mapper.findByIds(steps.stream().map(DeadlineStepRow::deadlineId).distinct().toList())
                .stream().map(DeadlineService::view).collect(Collectors.toMap(Deadline::id, d -> d));
        Instant now = clock.now();
        Map<String, TrafficLight> lights = new HashMap<>();
        steps.forEach(s -> lights.put(s.taskId(), clocks.get(s.deadlineId()).light(now)));
        return lights;
    }

    @Transactional(readOnly = true)
    public List<DeadlinePause> pauses(long id) {
        return mapper.findPauses(id).stream()
                .map(p -> new DeadlinePause(p.pausedAt(), p.resumedAt(), p.remainingDays(), p.reason())).toList();
    }

    /**
     * Stops a running clock (补正): keeps the working days left. A clock that is not running is left as it is.
     * The process side: the step the scope waits in meanwhile carries no deadline timers.
     */
    @Transactional
    public Deadline pause(long id, String reason) {
        DeadlineRow row = lock(id);
        if (!DeadlineState.RUNNING.name().equals(row.clockState)) {
            return view(row);
        }
        Instant now = clock.now();
        row.remainingDays = calendars.calendar().remainingWorkingDays(row.dueAt, now);
        row.pausedAt = now;
        row.clockState = DeadlineState.PAUSED.name();
        mapper.update(row);
        mapper.insertPause(new PauseRow(row.id, now, null, row.remainingDays, reason));
        return view(row);
    }

    /**
     * Starts a paused clock again with the working days it had left: new deadline and yellow point. A yellow light
     * raised before the pause is raised again when the new yellow point comes. A clock that is not paused is left as
     * it is. The caller sets the returned dates as the scope's {@link DeadlineVariables}, so the timers of the next
     * tasks read them.
     */
    @Transactional
    public Deadline resume(long id) {
        DeadlineRow row = lock(id);
        if (!DeadlineState.PAUSED.name().equals(row.clockState)) {
            return view(row);
        }
        Instant now = clock.now();
        WorkCalendar calendar = calendars.calendar();
        row.pausedMinutes += calendar.workingTime(row.pausedAt, now).toMinutes();
        row.dueAt = calendar.addWorkingDays(now, row.remainingDays);
        row.yellowAt = calendar.yellowAt(row.dueAt, Duration.ofMinutes(row.budgetMinutes), yellowThreshold);
        if (row.yellowAt.isAfter(now)) {
            row.yellowRaisedAt = null;
        }
        row.pausedAt = null;
        row.remainingDays = null;
        row.clockState = DeadlineState.RUNNING.name();
        mapper.update(row);
        mapper.endPause(row.id, now);
        return view(row);
    }

    /**
     * Moves a deadline later (never earlier), e.g. a case's when one of its departments was paused; the yellow
     * point follows at the same share of the unchanged budget.
     */
    @Transactional
    public Deadline extendTo(long id, Instant due) {
        DeadlineRow row = lock(id);
        if (!due.isAfter(row.dueAt) || !DeadlineState.valueOf(row.clockState).isOpen()) {
            return view(row);
        }
        row.dueAt = due;
        row.yellowAt = calendars.calendar().yellowAt(due, Duration.ofMinutes(row.budgetMinutes), yellowThreshold);
        mapper.update(row);
        return view(row);
    }

    /**
     * Stops the clock with a result: on time when it closes by its deadline. Records the working time it took
     * (pauses left out) and, for each of its steps, the working time from entering the step to this close: the
     * history the "at risk" prediction draws on.
     */
    @Transactional
    public Deadline close(long id) {
        DeadlineRow row = lock(id);
        if (!DeadlineState.valueOf(row.clockState).isOpen()) {
            return view(row);
        }
        Instant now = clock.now();
        WorkCalendar calendar = calendars.calendar();
        if (row.pausedAt != null) {
            row.pausedMinutes += calendar.workingTime(row.pausedAt, now).toMinutes();
            mapper.endPause(row.id, now);
            row.pausedAt = null;
            row.remainingDays = null;
        }
        row.clockState = DeadlineState.CLOSED.name();
        row.closedAt = now;
        row.onTime = !now.isAfter(row.dueAt);
        row.handlingMinutes = Math.max(0, calendar.workingTime(row.startedAt, now).toMinutes() - row.pausedMinutes);
        mapper.update(row);
        List<PauseRow> pauses = mapper.findPauses(row.id);
        for (DeadlineStepRow step : mapper.findSteps(row.id)) {
            long paused = pauses.stream()
                    .filter(p -> p.resumedAt() != null && p.resumedAt().isAfter(step.enteredAt()))
                    .mapToLong(p -> calendar.workingTime(max(p.pausedAt(), step.enteredAt()), p.resumedAt()).toMinutes())
                    .sum();
            mapper.setToClose(step.id(), Math.max(0, calendar.workingTime(step.enteredAt(), now).toMinutes() - paused));
        }
        return view(row);
    }

    /** Stops the clock without a result (the work was cancelled); it does not count in on-time rates. */
    @Transactional
    public Deadline cancel(long id) {
        DeadlineRow row = lock(id);
        if (DeadlineState.valueOf(row.clockState).isOpen()) {
            if (row.pausedAt != null) {
                mapper.endPause(row.id, clock.now());
                row.pausedAt = null;
            }
            row.clockState = DeadlineState.CANCELLED.name();
            row.closedAt = clock.now();
            mapper.update(row);
        }
        return view(row);
    }

    /** Notes that the yellow timer fired; true the first time, while the clock runs. */
    @Transactional
    public boolean raiseYellow(long id) {
        DeadlineRow row = lock(id);
        if (row.yellowRaisedAt != null || !DeadlineState.RUNNING.name().equals(row.clockState)) {
            return false;
        }
        row.yellowRaisedAt = clock.now();
        mapper.update(row);
        return true;
    }

    /** Notes that the deadline timer fired; true the first time, while the clock runs. */
    @Transactional
    public boolean raiseRed(long id) {
        DeadlineRow row = lock(id);
        if (row.redRaisedAt != null || !DeadlineState.RUNNING.name().equals(row.clockState)) {
            return false;
        }
        row.redRaisedAt = clock.now();
        mapper.update(row);
        return true;
    }

    /** Shows the clock yellow for a reason other than time (e.g. FEEDBACK_MISSED) until the warning is cleared. */
    @Transactional
    public void warn(long id, String reason) {
        DeadlineRow row = lock(id);
        row.warning = reason;
        mapper.update(row);
    }

    @Transactional
    public void clearWarning(long id) {
        DeadlineRow row = lock(id);
        if (row.warning != null) {
            row.warning = null;
            mapper.update(row);
        }
    }

    private DeadlineRow row(long id) {
        DeadlineRow row = mapper.findById(id);
        if (row == null) {
            throw new NotFoundException("时限不存在：" + id);
        }
        return row;
    }

    private DeadlineRow lock(long id) {
        DeadlineRow row = mapper.lockById(id);
        if (row == null) {
            throw new NotFoundException("时限不存在：" + id);
        }
        return row;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Deadline view(DeadlineRow r) {
        return new Deadline(r.id, DeadlineKind.valueOf(r.kind), r.subjectId, r.subjectPart, r.subjectNumber, r.title,
                r.agencyCode, r.departmentCode, r.source, r.processInstanceId, r.limitDays, r.startedAt, r.dueAt,
                r.yellowAt, Duration.ofMinutes(r.budgetMinutes), DeadlineState.valueOf(r.clockState), r.pausedAt,
                r.remainingDays, r.warning, r.yellowRaisedAt, r.redRaisedAt, r.closedAt, r.onTime);
    }
}
