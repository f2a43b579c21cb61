package org.tongban.engine.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official holidays and adjusted working days of 2025 (国办发明电〔2024〕12号) and 2026 (国办发明电〔2025〕7号),
 * the same facts V5__work_calendar.sql seeds; the integration test checks that the two agree.
 */
final class OfficialCalendars {

    private OfficialCalendars() {
    }

    /** Every entry of 2025 and 2026, names left out. */
    static List<CalendarDay> entries2025And2026() {
        List<CalendarDay> days = new ArrayList<>();
        // 2025
        holidays(days, "2025-01-01", "2025-01-01");
        holidays(days, "2025-01-28", "2025-02-04");
        holidays(days, "2025-04-04", "2025-04-06");
        holidays(days, "2025-05-01", "2025-05-05");
        holidays(days, "2025-05-31", "2025-06-02");
        holidays(days, "2025-10-01", "2025-10-08");
        workdays(days, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        // 2026
        holidays(days, "2026-01-01", "2026-01-03");
        holidays(days, "2026-02-15", "2026-02-23");
        holidays(days, "2026-04-04", "2026-04-06");
        holidays(days, "2026-05-01", "2026-05-05");
        holidays(days, "2026-06-19", "2026-06-21");
        holidays(days, "2026-09-25", "2026-09-27");
        holidays(days, "2026-10-01", "2026-10-07");
        workdays(days, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        return days;
    }

    /** The calendar of 2025 and 2026 with the default office hours 08:30–17:30. */
    static WorkCalendar china2025And2026() {
        List<CalendarDay> days = entries2025And2026();
        return new WorkCalendar(dates(days, DayType.HOLIDAY), dates(days, DayType.WORKDAY));
    }

    static Set<LocalDate> dates(List<CalendarDay> days, DayType type) {
        return days.stream().filter(d -> d.type() == type).map(CalendarDay::day).collect(Collectors.toSet());
    }

    private static void holidays(List<CalendarDay> days, String first, String last) {
        LocalDate end = LocalDate.parse(last);
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(end); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, DayType.HOLIDAY, null));
        }
    }

    private static void workdays(List<CalendarDay> days, String... dates) {
        for (String date : dates) {
            days.add(new CalendarDay(LocalDate.parse(date), DayType.WORKDAY, null));
        }
    }
}
