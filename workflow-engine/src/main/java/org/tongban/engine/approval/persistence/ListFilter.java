package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of a workbench list query. {@code principals} are the todo principals of the user ('u:name' and
 * 'g:DEPT:role'); the due bounds are set for the due-soon and overdue filters; {@code sortByDue} and
 * {@code ascending} choose one of the fixed orderings (no SQL is ever built from input).
 */
public record ListFilter(String username, List<String> principals, LocalDate today, String processKey,
                         String matterCode, Instant dueFrom, Instant dueBefore, Boolean unreadOnly, boolean sortByDue,
                         boolean ascending, int limit, int offset) {
}
