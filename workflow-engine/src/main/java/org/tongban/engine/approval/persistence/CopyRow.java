package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** A {@code tb_copy} row, joined with its subject when read for the copied-to-me list. */
public record CopyRow(Long id, String processInstanceId, String taskId, String activityName, String recipient,
                      String sentBy, String note, Instant createdAt, Instant readAt, String processKey,
                      String processName, Long subjectId, String subjectNumber, String title) {
}
