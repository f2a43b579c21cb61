/**
 * 工作日历: official holidays and adjusted working days (调休上班), and time limits counted in working days.
 *
 * <p>{@link org.tongban.engine.calendar.WorkCalendar} is the pure model; {@link
 * org.tongban.engine.calendar.WorkCalendarService} builds it from {@code tb_calendar_day} and lets admins keep the
 * table up to date (one entry at a time, or a whole year from CSV once the State Council's notice is out).
 *
 * <h2>How a time limit is counted</h2>
 * All days and times are China Standard Time (Asia/Shanghai); office hours are 08:30–17:30 unless configured.
 * <ul>
 *   <li>A working day is Monday to Friday unless it is an official holiday; Saturday and Sunday only when they are
 *       adjusted working days.</li>
 *   <li>Cut-off: a clock started on a working day before the end of office hours counts that day as day 0, so
 *       day 1 is the next working day. A clock started at or after the end of office hours, or on a non-working
 *       day, counts as if it started at the beginning of the next working day, which is then day 0.</li>
 *   <li>The deadline of "n working days" is the end of office hours of day n (n = 0: of day 0).</li>
 *   <li>补正 (supplement) pauses the clock: when it pauses, keep {@code remainingWorkingDays(deadline, pausedAt)};
 *       when the applicant has supplemented, the new deadline is {@code addWorkingDays(resumedAt, remaining)}.</li>
 * </ul>
 */
package org.tongban.engine.calendar;
