package org.tongban.engine.cases.persistence;

/** A {@code tb_case_material} row. */
public record MaterialRow(long caseId, String matterCode, String materialCode, String status) {
}
