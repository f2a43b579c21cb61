package org.tongban.engine.cases.persistence;

/** A {@code tb_case_routing} row: the department that reviews a matter of the case. */
public record RoutingRow(long caseId, String matterCode, String departmentCode) {
}
