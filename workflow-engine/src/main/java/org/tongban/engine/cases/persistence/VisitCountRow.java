package org.tongban.engine.cases.persistence;

/** Closed cases, those with at most one visit, and all their visits. */
public record VisitCountRow(long closed, long atMostOne, long visits) {
}
