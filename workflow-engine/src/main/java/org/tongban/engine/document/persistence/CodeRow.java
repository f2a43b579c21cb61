package org.tongban.engine.document.persistence;

/** A department listed on a document (countersign), in order. */
public record CodeRow(long documentId, String code, int sortOrder) {
}
