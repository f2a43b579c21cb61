package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_case_review} row. */
public record ReviewRow(long caseId, String departmentCode, boolean leaderRequired, String status, String decision,
                        Instant startedAt, Instant endedAt) {
}
