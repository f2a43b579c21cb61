package org.tongban.engine.cases;

import java.time.LocalDate;

/**
 * 最多跑一次: of the cases closed from {@code from} to {@code to} (inclusive days, China Standard Time), how many
 * needed at most one visit to the window, their share (null when none closed) and the average visits.
 */
public record VisitStatistics(LocalDate from, LocalDate to, long closedCases, long atMostOneVisit, Double share,
                              Double averageVisits) {
}
