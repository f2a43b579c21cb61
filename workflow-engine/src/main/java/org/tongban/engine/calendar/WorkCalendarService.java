package org.tongban.engine.calendar;

import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.engine.calendar.persistence.CalendarDayRow;
import org.tongban.engine.calendar.persistence.CalendarMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The official work calendar from {@code tb_calendar_day}: everyone reads it, admins keep it up to date. The
 * {@link WorkCalendar} is built once and cached in this instance; every change discards it when its transaction
 * ends (committed or rolled back), so the next {@link #calendar()} reads the table again.
 *
 * <p>Office hours come from {@code tongban.calendar.office-start} and {@code tongban.calendar.office-end}
 * (default 08:30 and 17:30).
 */
@Service
public class WorkCalendarService {

    private final CalendarMapper mapper;
    private final LocalTime officeStart;
    private final LocalTime officeEnd;

    private final Object cacheLock = new Object();
    /** Counts invalidations, so that a load which raced with a change is not cached. Guarded by cacheLock. */
    private long generation;
    private volatile WorkCalendar cached;

    public WorkCalendarService(CalendarMapper mapper,
                               @Value("${tongban.calendar.office-start:08:30}") String officeStart,
                               @Value("${tongban.calendar.office-end:17:30}") String officeEnd) {
        this.mapper = mapper;
        this.officeStart = LocalTime.parse(officeStart);
        this.officeEnd = LocalTime.parse(officeEnd);
        if (!this.officeStart.isBefore(this.officeEnd)) {
            throw new IllegalStateException("tongban.calendar office hours must start before they end: "
                    + officeStart + "–" + officeEnd);
        }
    }

    /** The official calendar as it is now; cheap after the first call. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public WorkCalendar calendar() {
        WorkCalendar current = cached;
        if (current != null) {
            return current;
        }
        long seen;
        synchronized (cacheLock) {
            seen = generation;
        }
        WorkCalendar loaded = load();
        synchronized (cacheLock) {
            if (generation == seen) {
                cached = loaded;
            }
        }
        return loaded;
    }

    /** The entries of one year in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> days(int year) {
        if (year < 1900 || year > 2999) {
            throw new InvalidInputException("年份应在 1900–2999 之间", Map.of("year", "超出范围"));
        }
        return mapper.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).stream()
                .map(WorkCalendarService::day)
                .toList();
    }

    /**
     * Sets the entry of a day, replacing one already there. A holiday may fall on any day; an adjusted working
     * day (WORKDAY) only on a Saturday or Sunday.
     *
     * @throws ForbiddenException    unless the actor is an admin
     * @throws InvalidInputException with field errors for {@code day}, {@code dayType} or {@code name}
     */
    @Transactional
    public CalendarDay addDay(Actor actor, LocalDate day, DayType type, String name) {
        requireAdmin(actor);
        CalendarDay entry = new CalendarDay(day, type, name == null || name.isBlank() ? null : name.strip());
        Map<String, String> problems = entry.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("工作日历条目有误", problems);
        }
        save(List.of(entry));
        return entry;
    }

    /**
     * Removes the entry of a day, which then follows the weekday rule again.
     *
     * @throws ForbiddenException unless the actor is an admin
     * @throws NotFoundException  when the day has no entry
     */
    @Transactional
    public void removeDay(Actor actor, LocalDate day) {
        requireAdmin(actor);
        if (day == null) {
            throw new InvalidInputException("请指明日期", Map.of("day", "必填"));
        }
        if (mapper.delete(day) == 0) {
            throw new NotFoundException("工作日历中没有 " + day);
        }
        invalidateWhenTransactionEnds();
    }

    /**
     * Imports entries from CSV, e.g. next year's after the State Council's notice: lines {@code date,type[,name]}
     * such as {@code 2027-01-01,HOLIDAY,元旦}, an optional header line. All or nothing: any bad line and nothing
     * is imported. Entries for days already in the calendar replace them.
     *
     * @return the imported entries in file order
     * @throws ForbiddenException    unless the actor is an admin
     * @throws InvalidInputException naming every bad line (fields {@code "line N"})
     */
    @Transactional
    public List<CalendarDay> importCsv(Actor actor, Reader csv) {
        requireAdmin(actor);
        List<CalendarDay> entries = CalendarCsv.parse(csv);
        save(entries);
        return entries;
    }

    private void save(List<CalendarDay> entries) {
        try {
            for (CalendarDay entry : entries) {
                mapper.delete(entry.day());
                mapper.insert(new CalendarDayRow(entry.day(), entry.type().name(), entry.name()));
            }
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("工作日历刚被他人修改，请刷新后重试", raced);
        }
        invalidateWhenTransactionEnds();
    }

    private WorkCalendar load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (CalendarDayRow row : mapper.findAll()) {
            (DayType.valueOf(row.dayType()) == DayType.HOLIDAY ? holidays : workdays).add(row.calendarDate());
        }
        return new WorkCalendar(holidays, workdays, officeStart, officeEnd);
    }

    /**
     * Discards the cached calendar now and again when the transaction ends: a calendar loaded meanwhile (by this
     * transaction, or by another before the commit) may show a state that is rolled back or out of date.
     */
    private void invalidateWhenTransactionEnds() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    private void invalidate() {
        synchronized (cacheLock) {
            generation++;
            cached = null;
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以维护工作日历");
        }
    }

    private static CalendarDay day(CalendarDayRow row) {
        return new CalendarDay(row.calendarDate(), DayType.valueOf(row.dayType()), row.name());
    }
}
