package org.tongban.engine.deadline.persistence;

import java.time.Instant;
import java.util.Collection;

/**
 * The SQL filter of a board page. {@code departments} null means every department; {@code light} is GREEN, YELLOW,
 * RED or null; {@code kinds} null means every kind.
 */
public record BoardQuery(Collection<String> kinds, String agencyCode, String departmentCode, String source,
                         String light, Instant dueFrom, Instant dueTo, Collection<String> departments, Instant now,
                         int limit, int offset) {
}
