package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** A {@code tb_work_subject} row: what a process instance is about and who started it. */
public record SubjectRow(String processInstanceId, String processKey, String processName, String businessKey,
                         Long subjectId, String subjectNumber, String title, String initiator, Instant startedAt,
                         Instant endedAt) {
}
