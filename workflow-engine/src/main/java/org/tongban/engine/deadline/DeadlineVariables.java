package org.tongban.engine.deadline;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The process variables by which a BPMN scope carries its clock. A listener that opens a clock for a scope sets
 * them as the scope's local variables; the scope's timers read {@code ${yellowAt}} and {@code ${dueAt}}
 * ({@code timeDate}); every user task inside the scope gets the clock's deadline as its due date and is recorded
 * as a step of the clock.
 */
public final class DeadlineVariables {

    /** The clock's id (Long). */
    public static final String DEADLINE_ID = "deadlineId";
    /** When the light turns red (Date): the deadline. */
    public static final String DUE_AT = "dueAt";
    /** When the light turns yellow (Date). */
    public static final String YELLOW_AT = "yellowAt";

    private DeadlineVariables() {
    }

    /** The variables for a scope timed by {@code deadline}. */
    public static Map<String, Object> of(Deadline deadline) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DEADLINE_ID, deadline.id());
        variables.put(DUE_AT, Date.from(deadline.dueAt()));
        variables.put(YELLOW_AT, Date.from(deadline.yellowAt()));
        return variables;
    }
}
