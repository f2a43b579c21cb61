package org.tongban.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on the official 2025 and 2026 calendars (all times China Standard Time). */
class WorkCalendarTests {

    private final WorkCalendar calendar = OfficialCalendars.china2025And2026();

    @Test
    void fixtureHoldsTheOfficialDaysAndEveryAdjustedWorkingDayIsAWeekendDay() {
        List<CalendarDay> days = OfficialCalendars.entries2025And2026();
        Set<LocalDate> workdays = OfficialCalendars.dates(days, DayType.WORKDAY);
        assertThat(workdays).hasSize(11).allSatisfy(day ->
                assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(OfficialCalendars.dates(days, DayType.HOLIDAY))
                .filteredOn(d -> d.getYear() == 2025).hasSize(28);
        assertThat(OfficialCalendars.dates(days, DayType.HOLIDAY))
                .filteredOn(d -> d.getYear() == 2026).hasSize(33);
        assertThat(LocalDate.of(2025, 1, 27).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(LocalDate.of(2026, 9, 18).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void workingDaysFollowWeekdaysHolidaysAndAdjustedWeekendDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("国庆节 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).as("Thursday after 国庆节").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("plain Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).as("春节 Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("国庆节、中秋节 Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("unknown year: weekday rule").isTrue();
    }

    @Test
    void deadlineSpansTheSpringFestivalOf2025AndItsAdjustedSaturday() {
        // 1/27 is day 0; 1/28–2/4 off; 2/5 = 1, 2/6 = 2, 2/7 = 3, Sat 2/8 = 4, Mon 2/10 = 5
        assertThat(calendar.addWorkingDays(at("2025-01-27T10:00"), 5)).isEqualTo(at("2025-02-10T17:30"));
        assertThat(calendar.addWorkingDays(at("2025-01-27T10:00"), 1)).isEqualTo(at("2025-02-05T17:30"));
        assertThat(calendar.addWorkingDays(at("2025-01-27T10:00"), 4)).isEqualTo(at("2025-02-08T17:30"));
    }

    @Test
    void deadlineSpansTheNationalDayOf2026WithItsSundayAndSaturdayWorkingDays() {
        // Sun 9/20 = 1, 9/21 = 2, 9/22 = 3
        assertThat(calendar.addWorkingDays(at("2026-09-18T16:00"), 3)).isEqualTo(at("2026-09-22T17:30"));
        // 9/30 is day 0; 10/1–10/7 off; 10/8 = 1, 10/9 = 2, Sat 10/10 = 3, Mon 10/12 = 4
        assertThat(calendar.addWorkingDays(at("2026-09-30T09:00"), 2)).isEqualTo(at("2026-10-09T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-09-30T09:00"), 3)).isEqualTo(at("2026-10-10T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-09-30T09:00"), 4)).isEqualTo(at("2026-10-12T17:30"));
    }

    @Test
    void startAtOrAfterTheEndOfOfficeHoursCountsFromTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(at("2026-09-30T18:00"), 1)).isEqualTo(at("2026-10-09T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-09-30T17:30"), 1)).isEqualTo(at("2026-10-09T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-09-30T17:29:59"), 1)).isEqualTo(at("2026-10-08T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-03-02T07:00"), 1)).as("before office hours: same day counts")
                .isEqualTo(at("2026-03-03T17:30"));
    }

    @Test
    void startOnAHolidayOrWeekendCountsFromTheNextWorkingDay() {
        // 10/8/2025 is still 国庆节; Thu 10/9 is day 0, Fri 10/10 day 1, Sat 10/11 (调休) day 2
        assertThat(calendar.dayZero(at("2025-10-03T10:00"))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.addWorkingDays(at("2025-10-03T10:00"), 1)).isEqualTo(at("2025-10-10T17:30"));
        assertThat(calendar.addWorkingDays(at("2025-10-03T10:00"), 2)).isEqualTo(at("2025-10-11T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-03-07T10:00"), 1)).as("plain Saturday")
                .isEqualTo(at("2026-03-10T17:30"));
    }

    @Test
    void zeroDaysEndsOnTheEffectiveStartDay() {
        assertThat(calendar.addWorkingDays(at("2026-03-02T07:00"), 0)).isEqualTo(at("2026-03-02T17:30"));
        assertThat(calendar.addWorkingDays(at("2025-02-08T09:00"), 0)).as("调休 Saturday")
                .isEqualTo(at("2025-02-08T17:30"));
        assertThat(calendar.addWorkingDays(at("2025-10-03T10:00"), 0)).isEqualTo(at("2025-10-09T17:30"));
        assertThat(calendar.addWorkingDays(at("2026-03-02T20:00"), 0)).isEqualTo(at("2026-03-03T17:30"));
    }

    @Test
    void refusesANegativeTimeLimit() {
        assertThatThrownBy(() -> calendar.addWorkingDays(at("2026-03-02T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenInvertsAddWorkingDays() {
        List<Instant> starts = List.of(at("2025-01-26T09:00"), at("2025-01-27T10:00"), at("2025-01-27T17:30"),
                at("2025-01-31T12:00"), at("2025-02-08T08:00"), at("2025-04-30T23:59"), at("2025-09-27T10:00"),
                at("2025-09-30T16:00"), at("2025-12-31T18:00"), at("2026-01-03T10:00"), at("2026-02-13T17:00"),
                at("2026-02-14T17:45"), at("2026-06-18T09:00"), at("2026-09-18T16:00"), at("2026-09-30T09:00"),
                at("2026-10-09T18:30"), at("2026-12-31T10:00"));
        for (Instant start : starts) {
            for (int n = 0; n <= 15; n++) {
                Instant deadline = calendar.addWorkingDays(start, n);
                assertThat(calendar.workingDaysBetween(start, deadline)).as("%s + %d", start, n).isEqualTo(n);
            }
        }
        assertThat(calendar.workingDaysBetween(at("2025-01-27T10:00"), at("2025-02-07T09:00"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(at("2025-01-27T10:00"), at("2025-02-02T09:00"))).isZero();
        assertThat(calendar.workingDaysBetween(at("2025-02-07T10:00"), at("2025-01-27T09:00"))).isZero();
    }

    @Test
    void workingTimeCountsOfficeHoursOnWorkingDaysOnly() {
        assertThat(calendar.workingTime(at("2025-01-27T10:00"), at("2025-02-10T17:30")))
                .isEqualTo(Duration.ofMinutes(450 + 5 * 540));
        assertThat(calendar.workingTime(at("2025-01-27T18:00"), at("2025-02-05T09:00")))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(calendar.workingTime(at("2025-02-05T09:00"), at("2025-01-27T18:00"))).isZero();
    }

    @Test
    void trafficLightTurnsYellowBelowAThirdAndRedWhenOverdue() {
        Instant start = at("2025-01-27T10:00");
        Instant deadline = calendar.addWorkingDays(start, 5); // 52.5 office hours: 7.5 on 1/27, then 5 × 9
        assertThat(calendar.remainingShare(start, deadline, start)).isEqualTo(1.0);
        assertThat(calendar.remainingShare(start, deadline, at("2025-01-20T10:00"))).isEqualTo(1.0);
        assertThat(calendar.remainingShare(start, deadline, at("2025-02-01T12:00"))).isCloseTo(45 / 52.5, within(1e-9));
        assertThat(calendar.remainingShare(start, deadline, at("2025-02-07T17:30"))).isCloseTo(18 / 52.5, within(1e-9));
        assertThat(calendar.remainingShare(start, deadline, at("2025-02-08T12:00"))).isCloseTo(14.5 / 52.5, within(1e-9));
        assertThat(calendar.remainingShare(start, deadline, deadline)).isZero();

        assertThat(calendar.light(start, deadline, at("2025-02-01T12:00"))).isEqualTo(TrafficLight.GREEN);
        assertThat(calendar.light(start, deadline, at("2025-02-07T17:30"))).isEqualTo(TrafficLight.GREEN);
        assertThat(calendar.light(start, deadline, at("2025-02-08T12:00"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(calendar.light(start, deadline, deadline)).isEqualTo(TrafficLight.YELLOW);
        assertThat(calendar.light(start, deadline, deadline.plusSeconds(1))).isEqualTo(TrafficLight.RED);
        assertThat(calendar.light(start, deadline, at("2025-02-07T17:30"), 0.5)).isEqualTo(TrafficLight.YELLOW);
        assertThatThrownBy(() -> calendar.light(start, deadline, start, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.remainingShare(deadline, start, start))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pausedClockKeepsItsRemainingDaysForTheResume() {
        Instant start = at("2025-01-27T10:00");
        Instant deadline = calendar.addWorkingDays(start, 5); // 2025-02-10 17:30
        // paused on Thu 2/6 (day 2, counted as used): 2/7, Sat 2/8, 2/10 remain
        int remaining = calendar.remainingWorkingDays(deadline, at("2025-02-06T11:00"));
        assertThat(remaining).isEqualTo(3);
        // resumed Wed 2/12 15:00 (day 0): 2/13, 2/14, Mon 2/17
        assertThat(calendar.addWorkingDays(at("2025-02-12T15:00"), remaining)).isEqualTo(at("2025-02-17T17:30"));
        assertThat(calendar.remainingWorkingDays(deadline, at("2025-02-06T19:00"))).isEqualTo(3);
        assertThat(calendar.remainingWorkingDays(deadline, at("2025-02-09T10:00"))).as("paused on Sunday").isEqualTo(1);
        assertThat(calendar.remainingWorkingDays(deadline, at("2025-01-27T15:00"))).as("paused on day 0").isEqualTo(5);
        assertThat(calendar.remainingWorkingDays(deadline, at("2025-02-11T10:00"))).as("after the deadline").isZero();
    }

    @Test
    void goesBackThroughOfficeHoursOverTheNationalDayOf2026() {
        Instant deadline = at("2026-10-12T17:30");
        assertThat(calendar.minusWorkingTime(deadline, Duration.ZERO)).isEqualTo(deadline);
        assertThat(calendar.minusWorkingTime(deadline, Duration.ofHours(5))).isEqualTo(at("2026-10-12T12:30"));
        // all of Monday 10/12 (9 h), then Saturday 10/10 is a working day
        assertThat(calendar.minusWorkingTime(deadline, Duration.ofHours(9))).isEqualTo(at("2026-10-12T08:30"));
        assertThat(calendar.minusWorkingTime(deadline, Duration.ofHours(10))).isEqualTo(at("2026-10-10T16:30"));
        // 10/12, 10/10, 10/9, 10/8 = 36 h; one more hour lands on 9/30, across the holiday
        assertThat(calendar.minusWorkingTime(deadline, Duration.ofHours(37))).isEqualTo(at("2026-09-30T16:30"));
        // from the middle of the night: the evening before counts nothing
        assertThat(calendar.minusWorkingTime(at("2026-10-09T23:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-10-09T17:00"));
        assertThat(calendar.workingTime(calendar.minusWorkingTime(deadline, Duration.ofMinutes(1234)), deadline))
                .isEqualTo(Duration.ofMinutes(1234));
        assertThatThrownBy(() -> calendar.minusWorkingTime(deadline, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void turnsYellowWhenOneThirdOfTheWorkingTimeIsLeftAcrossTheSpringFestival() {
        Instant start = at("2025-01-27T10:00"); // day 0; 5 working days → Mon 2/10 17:30
        Instant deadline = calendar.addWorkingDays(start, 5);
        Duration budget = calendar.workingTime(start, deadline); // 7.5 h + 5 × 9 h = 52.5 h
        assertThat(budget).isEqualTo(Duration.ofMinutes(52 * 60 + 30));

        Instant yellow = calendar.yellowAt(deadline, budget, WorkCalendar.DEFAULT_YELLOW_THRESHOLD);

        // 17.5 h before the deadline in office hours: Mon 2/10 9 h, Sat 2/8 (调休) 8.5 h → Sat 2/8 09:00
        assertThat(yellow).isEqualTo(at("2025-02-08T09:00"));
        assertThat(calendar.light(start, deadline, yellow.minusSeconds(60))).isEqualTo(TrafficLight.GREEN);
        assertThat(calendar.light(start, deadline, yellow.plusSeconds(60))).isEqualTo(TrafficLight.YELLOW);
        assertThat(calendar.yellowAt(deadline, budget, 0)).isEqualTo(deadline);
        assertThat(calendar.yellowAt(deadline, budget, 1)).isEqualTo(start);
        assertThatThrownBy(() -> calendar.yellowAt(deadline, budget, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void officeHoursAreConfigurable() {
        WorkCalendar early = calendar.withOfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0));
        assertThat(early.addWorkingDays(at("2026-09-30T17:10"), 1)).isEqualTo(at("2026-10-09T17:00"));
        assertThat(calendar.addWorkingDays(at("2026-09-30T17:10"), 1)).isEqualTo(at("2026-10-08T17:30"));
        assertThatThrownBy(() -> calendar.withOfficeHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAdjustedWorkingDayOnAWeekdayOrOnAHoliday() {
        assertThatThrownBy(() -> new WorkCalendar(Set.of(), Set.of(LocalDate.of(2026, 10, 9))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkCalendar(Set.of(LocalDate.of(2026, 10, 10)), Set.of(LocalDate.of(2026, 10, 10))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant();
    }
}
