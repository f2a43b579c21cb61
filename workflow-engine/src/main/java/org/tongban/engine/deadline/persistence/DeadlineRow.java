package org.tongban.engine.deadline.persistence;

import java.time.Instant;

/** A {@code tb_deadline} row; {@code id} is filled in by the insert. */
public class DeadlineRow {
    public Long id;
    public String kind;
    public long subjectId;
    public String subjectPart;
    public String subjectNumber;
    public String title;
    public String agencyCode;
    public String departmentCode;
    public String source;
    public String processInstanceId;
    public int limitDays;
    public Instant startedAt;
    public Instant dueAt;
    public Instant yellowAt;
    public long budgetMinutes;
    public String clockState;
    public Instant pausedAt;
    public Integer remainingDays;
    public long pausedMinutes;
    public String warning;
    public Instant yellowRaisedAt;
    public Instant redRaisedAt;
    public Instant closedAt;
    public Long handlingMinutes;
    public Boolean onTime;
}
