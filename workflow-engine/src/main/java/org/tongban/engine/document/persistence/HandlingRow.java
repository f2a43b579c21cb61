package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document_handling} row: one department's 承办 of an incoming document. */
public record HandlingRow(long documentId, String departmentCode, String status, String result, String handledBy,
                          Instant handledAt) {
}
