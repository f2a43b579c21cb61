package org.tongban.engine.supervision;

import java.time.LocalDate;
import java.util.Set;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.DeadlineKind;

/**
 * What the supervisor's dashboard lists: open time limits of the given kinds (all when empty), of one agency or
 * department, from one source (CASE, INSTRUCTION, MEETING, OVERDUE_CASE, RATING), in one light, due between two days
 * (both inclusive). Every field is optional.
 */
public record DashboardFilter(Set<DeadlineKind> kinds, String agencyCode, String departmentCode, String source,
                              TrafficLight light, LocalDate dueFrom, LocalDate dueTo) {

    public DashboardFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        agencyCode = blankToNull(agencyCode);
        departmentCode = blankToNull(departmentCode);
        source = blankToNull(source);
    }

    public static DashboardFilter all() {
        return new DashboardFilter(Set.of(), null, null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
