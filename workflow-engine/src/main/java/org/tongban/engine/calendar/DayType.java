package org.tongban.engine.calendar;

/** What an entry of the official calendar says about its day. */
public enum DayType {
    /** 放假: an official day off, on any day of the week. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday that is a working day. */
    WORKDAY
}
