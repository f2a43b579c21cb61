/**
 * 时限与红黄绿灯: one clock per case, department review, supervision item and sub-item, counted in working days
 * on the official calendar ({@link org.tongban.engine.calendar.WorkCalendar}).
 *
 * <ul>
 *   <li>{@link org.tongban.engine.deadline.DeadlineService} opens, pauses (补正), resumes, extends and closes
 *       clocks. A BPMN scope carries its clock in the variables of {@link org.tongban.engine.deadline.DeadlineVariables},
 *       set by the listener that opens the clock. The scope's user tasks carry non-interrupting boundary timers at
 *       {@code ${yellowAt}} and {@code ${dueAt}}, read when each task starts; a step in which the clock stands still
 *       (补正登记) has none, and the resume sets the new dates before the next task starts.</li>
 *   <li>Every user task inside a timed scope gets the clock's deadline as its due date and becomes a step of the
 *       clock ({@code tb_deadline_step}); the steps feed the statistics by step and the "at risk" prediction of
 *       {@link org.tongban.engine.deadline.DeadlineBoard}.</li>
 * </ul>
 */
package org.tongban.engine.deadline;
