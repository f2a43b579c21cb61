package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_case_visit} row. */
public record VisitRow(long caseId, String purpose, String note, String recordedBy, Instant occurredAt) {
}
