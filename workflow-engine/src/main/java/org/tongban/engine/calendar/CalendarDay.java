package org.tongban.engine.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of the official calendar, e.g. 2026-10-10 WORKDAY 国庆节调休上班. {@code name} may be null. */
public record CalendarDay(LocalDate day, DayType type, String name) {

    /** The longest name the table holds. */
    public static final int MAX_NAME_LENGTH = 64;

    /**
     * What is wrong with this entry, field → message; empty when it may be stored. A holiday may fall on any day
     * (春节 spans weekends); an adjusted working day only on a Saturday or Sunday.
     */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (day == null) {
            problems.put("day", "必填");
        } else if (day.getYear() < 1900 || day.getYear() > 2999) {
            problems.put("day", "年份应在 1900–2999 之间");
        }
        if (type == null) {
            problems.put("dayType", "必填，HOLIDAY 或 WORKDAY");
        } else if (type == DayType.WORKDAY && day != null && !WorkCalendar.isWeekend(day)) {
            problems.put("dayType", "调休上班只能设在周六或周日");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            problems.put("name", "至多 " + MAX_NAME_LENGTH + " 字");
        }
        return problems;
    }
}
