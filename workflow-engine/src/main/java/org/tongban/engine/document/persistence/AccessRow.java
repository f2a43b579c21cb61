package org.tongban.engine.document.persistence;

/** A {@code tb_document_access} row: a department that may see the document, FULL or PUBLISHED. */
public record AccessRow(long documentId, String departmentCode, String accessLevel) {
}
