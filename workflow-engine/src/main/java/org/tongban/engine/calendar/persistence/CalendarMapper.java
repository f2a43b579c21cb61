package org.tongban.engine.calendar.persistence;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The official calendar table {@code tb_calendar_day}: a few dozen rows a year, read whole. */
@Mapper
public interface CalendarMapper {

    List<CalendarDayRow> findAll();

    /** Entries with {@code from <= date < until}, in date order. */
    List<CalendarDayRow> findBetween(@Param("from") LocalDate from, @Param("until") LocalDate until);

    void insert(CalendarDayRow row);

    /** The number of rows deleted, 0 or 1. */
    int delete(@Param("calendarDate") LocalDate calendarDate);
}
