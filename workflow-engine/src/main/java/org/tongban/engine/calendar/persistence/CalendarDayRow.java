package org.tongban.engine.calendar.persistence;

import java.time.LocalDate;

/** A {@code tb_calendar_day} row; {@code dayType} is HOLIDAY or WORKDAY. */
public record CalendarDayRow(LocalDate calendarDate, String dayType, String name) {
}
