package org.tongban.engine.cases.persistence;

/** A {@code tb_case_matter} row. */
public record CaseMatterRow(long caseId, String matterCode, String decision) {
}
