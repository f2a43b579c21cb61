package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A {@code tb_work_access} row: {@code principal} ('u:name', 'g:DEPT:role', or 'p:name' for a stand-in) sees the
 * task through {@code via}. {@code createdAt} and {@code dueAt} are the task's, copied so that the todo list is read
 * from this table alone; {@code shown} is false only for a stand-in's row while someone other than the absent person
 * and the stand-in holds the task.
 */
public record AccessRow(String taskId, String principal, String via, String onBehalfOf, LocalDate expiresOn,
                        Instant createdAt, Instant dueAt, boolean shown) {
}
