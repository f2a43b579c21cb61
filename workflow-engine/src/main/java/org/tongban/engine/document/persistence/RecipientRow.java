package org.tongban.engine.document.persistence;

/** A {@code tb_document_recipient} row: {@code recipientType} MAIN (主送) or COPY (抄送). */
public record RecipientRow(long documentId, String agencyCode, String recipientType, int sortOrder) {
}
