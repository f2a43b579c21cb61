package org.tongban.engine.deadline;

/**
 * What a new clock is for. {@code part} tells several clocks of one subject apart (the department of a case
 * review) and is {@code "-"} otherwise; {@code number} and {@code title} label it in lists; {@code source} is
 * CASE for cases, and INSTRUCTION, MEETING, OVERDUE_CASE or RATING (差评整改) for supervision.
 */
public record DeadlineSubject(DeadlineKind kind, long subjectId, String part, String number, String title,
                              String agencyCode, String departmentCode, String source) {

    /** The part of a subject with a single clock. */
    public static final String WHOLE = "-";

    public DeadlineSubject {
        part = part == null ? WHOLE : part;
    }
}
