package org.tongban.engine.approval.persistence;

import java.time.LocalDate;

/** A {@code tb_work_access} row: {@code principal} ('u:name' or 'g:DEPT:role') sees the task through {@code via}. */
public record AccessRow(String taskId, String principal, String via, String onBehalfOf, LocalDate expiresOn) {
}
