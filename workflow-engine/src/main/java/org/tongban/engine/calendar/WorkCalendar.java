package org.tongban.engine.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * 工作日历: which days are working days, and time limits (承诺时限 / 法定时限) counted in working days. Immutable and
 * free of Spring and the database; {@link WorkCalendarService#calendar()} gives the one built from the official
 * calendar table.
 *
 * <p>All dates are in China Standard Time ({@link #ZONE}). A working day is Monday to Friday unless it is an
 * official holiday, and Saturday or Sunday only when it is an adjusted working day (调休上班). Dates outside the
 * years the calendar knows follow the plain weekday rule.
 *
 * <p><b>Cut-off rule.</b> A clock started on a working day before the end of office hours counts that day as
 * day 0, so day 1 is the next working day. A clock started at or after the end of office hours, or on a
 * non-working day, counts as if it started at the beginning of the next working day, which is then day 0
 * ({@link #dayZero(Instant)}). The deadline of n working days is the end of office hours of day n.
 */
public final class WorkCalendar {

    /** Government time limits are counted in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime DEFAULT_OFFICE_START = LocalTime.of(8, 30);
    public static final LocalTime DEFAULT_OFFICE_END = LocalTime.of(17, 30);
    /** Below this share of remaining working time a time limit shows {@link TrafficLight#YELLOW}. */
    public static final double DEFAULT_YELLOW_THRESHOLD = 1.0 / 3;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;
    private final LocalTime officeStart;
    private final LocalTime officeEnd;

    /** A calendar with the default office hours 08:30–17:30. */
    public WorkCalendar(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkingDays) {
        this(holidays, adjustedWorkingDays, DEFAULT_OFFICE_START, DEFAULT_OFFICE_END);
    }

    /**
     * @param holidays            official days off (法定节假日 and the weekdays moved into them)
     * @param adjustedWorkingDays Saturdays and Sundays that are working days (调休上班)
     * @throws IllegalArgumentException when an adjusted working day is a weekday or also a holiday, or when the
     *                                  office hours do not start before they end
     */
    public WorkCalendar(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkingDays,
                        LocalTime officeStart, LocalTime officeEnd) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
        this.officeStart = Objects.requireNonNull(officeStart, "officeStart");
        this.officeEnd = Objects.requireNonNull(officeEnd, "officeEnd");
        if (!officeStart.isBefore(officeEnd)) {
            throw new IllegalArgumentException("Office hours must start before they end: " + officeStart + "–" + officeEnd);
        }
        for (LocalDate day : this.adjustedWorkingDays) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("An adjusted working day must be a Saturday or Sunday: " + day);
            }
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException("A day cannot be both a holiday and a working day: " + day);
            }
        }
    }

    /** The same days with other office hours. */
    public WorkCalendar withOfficeHours(LocalTime start, LocalTime end) {
        return new WorkCalendar(holidays, adjustedWorkingDays, start, end);
    }

    /** Monday to Friday unless an official holiday; Saturday and Sunday only if an adjusted working day. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (holidays.contains(day)) {
            return false;
        }
        return !isWeekend(day) || adjustedWorkingDays.contains(day);
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * Day 0 of a clock started at {@code start}: the start's own day when it is a working day and the start is
     * before the end of office hours, otherwise the next working day.
     */
    public LocalDate dayZero(Instant start) {
        var local = start.atZone(ZONE);
        LocalDate day = local.toLocalDate();
        return isWorkingDay(day) && local.toLocalTime().isBefore(officeEnd) ? day : nextWorkingDay(day);
    }

    /** The end of office hours on {@code day}, the instant a time limit ending that day runs out. */
    public Instant endOfOfficeHours(LocalDate day) {
        return day.atTime(officeEnd).atZone(ZONE).toInstant();
    }

    /**
     * The deadline of a time limit of {@code n} working days started at {@code start}: the end of office hours of
     * the n-th working day after {@link #dayZero(Instant) day 0}; for n = 0 the end of day 0 itself. Example: a case
     * accepted on Monday 10:00 with 1 working day is due Tuesday 17:30; accepted on Monday 18:00, Wednesday 17:30.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Instant addWorkingDays(Instant start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A time limit cannot be negative: " + n);
        }
        LocalDate day = dayZero(start);
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return endOfOfficeHours(day);
    }

    /**
     * The number of working days after {@link #dayZero(Instant) day 0} of {@code from} up to and including the
     * (calendar) day of {@code to}; 0 when {@code to}'s day is not after day 0. It inverts {@link #addWorkingDays}:
     * {@code workingDaysBetween(s, addWorkingDays(s, n)) == n} for every start {@code s}.
     */
    public int workingDaysBetween(Instant from, Instant to) {
        return countWorkingDays(dayZero(from), localDate(to));
    }

    /**
     * The working days a clock paused at {@code pausedAt} (补正) still has before {@code deadline}: those after the
     * pause's calendar day up to the deadline's day. The pause day itself counts as used; 0 when the clock is
     * paused on or after the deadline's day. On resume the new deadline is
     * {@code addWorkingDays(resumedAt, remaining)}, so a resume before the end of office hours gives that day for
     * free, as any start does.
     */
    public int remainingWorkingDays(Instant deadline, Instant pausedAt) {
        return countWorkingDays(localDate(pausedAt), localDate(deadline));
    }

    /** Office hours on working days between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTime(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant open = max(from, day.atTime(officeStart).atZone(ZONE).toInstant());
                Instant close = min(to, endOfOfficeHours(day));
                if (open.isBefore(close)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    /**
     * The share, from 1 down to 0, of the working time between {@code start} and {@code deadline} that is still
     * left at {@code now}, counted in office hours; 0 from the deadline on. After a 补正 pause, pass the original
     * start and the new deadline: the paused time then counts as spent, so the light errs on the side of caution.
     *
     * @throws IllegalArgumentException when the deadline is before the start
     */
    public double remainingShare(Instant start, Instant deadline, Instant now) {
        if (deadline.isBefore(start)) {
            throw new IllegalArgumentException("The deadline " + deadline + " is before the start " + start);
        }
        if (!now.isBefore(deadline)) {
            return 0.0;
        }
        long total = workingTime(start, deadline).toMillis();
        if (total == 0) {
            return 1.0;
        }
        long remaining = workingTime(max(start, now), deadline).toMillis();
        return Math.min(1.0, (double) remaining / total);
    }

    /**
     * The latest instant {@code t} at or before {@code end} with {@code workingTime(t, end) == amount}: going back
     * from {@code end} through office hours on working days. Used to find when a light turns yellow.
     *
     * @throws IllegalArgumentException when the amount is negative or reaches back more than ten years
     */
    public Instant minusWorkingTime(Instant end, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A working time cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return end;
        }
        Duration left = amount;
        LocalDate day = localDate(end);
        LocalDate limit = day.minusYears(10);
        for (; !day.isBefore(limit); day = day.minusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = day.atTime(officeStart).atZone(ZONE).toInstant();
            Instant close = min(end, endOfOfficeHours(day));
            if (open.isBefore(close)) {
                Duration segment = Duration.between(open, close);
                if (segment.compareTo(left) >= 0) {
                    return close.minus(left);
                }
                left = left.minus(segment);
            }
        }
        throw new IllegalArgumentException("Working time " + amount + " reaches back more than ten years from " + end);
    }

    /**
     * When a time limit turns {@link TrafficLight#YELLOW}: the instant at which the working time left before the
     * deadline falls to {@code yellowThreshold × budget}. The budget is the working time the limit grants, i.e.
     * {@code workingTime(start, deadline)} for a clock that never paused; after a 补正 pause pass the original
     * budget and the new deadline, so the paused time is not counted as used.
     *
     * @throws IllegalArgumentException when the threshold is not between 0 and 1
     */
    public Instant yellowAt(Instant deadline, Duration budget, double yellowThreshold) {
        if (!(yellowThreshold >= 0 && yellowThreshold <= 1)) {
            throw new IllegalArgumentException("The yellow threshold must be between 0 and 1: " + yellowThreshold);
        }
        return minusWorkingTime(deadline, Duration.ofMillis(Math.round(budget.toMillis() * yellowThreshold)));
    }

    /** 红黄绿灯 with the {@linkplain #DEFAULT_YELLOW_THRESHOLD default threshold} of one third. */
    public TrafficLight light(Instant start, Instant deadline, Instant now) {
        return light(start, deadline, now, DEFAULT_YELLOW_THRESHOLD);
    }

    /**
     * 红黄绿灯: RED once {@code now} is after the deadline, YELLOW while the {@linkplain #remainingShare remaining
     * share} is below {@code yellowThreshold}, GREEN otherwise.
     */
    public TrafficLight light(Instant start, Instant deadline, Instant now, double yellowThreshold) {
        return TrafficLight.of(remainingShare(start, deadline, now), now.isAfter(deadline), yellowThreshold);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> adjustedWorkingDays() {
        return adjustedWorkingDays;
    }

    public LocalTime officeStart() {
        return officeStart;
    }

    public LocalTime officeEnd() {
        return officeEnd;
    }

    /** Working days d with {@code after < d <= until}. */
    private int countWorkingDays(LocalDate after, LocalDate until) {
        int count = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
