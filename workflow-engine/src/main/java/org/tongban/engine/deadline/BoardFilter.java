package org.tongban.engine.deadline;

import java.time.Instant;
import java.util.Set;
import org.tongban.engine.calendar.TrafficLight;

/**
 * Which open clocks a board lists; every field is optional (null: no restriction). {@code dueFrom} is inclusive,
 * {@code dueTo} exclusive.
 */
public record BoardFilter(Set<DeadlineKind> kinds, String agencyCode, String departmentCode, String source,
                          TrafficLight light, Instant dueFrom, Instant dueTo) {

    public BoardFilter {
        kinds = kinds == null || kinds.isEmpty() ? null : Set.copyOf(kinds);
    }

    public static BoardFilter all() {
        return new BoardFilter(null, null, null, null, null, null, null);
    }
}
