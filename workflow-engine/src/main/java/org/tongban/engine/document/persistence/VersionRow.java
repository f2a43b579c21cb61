package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document_version} row: one saved text. */
public record VersionRow(long documentId, int versionNo, String title, String body, String savedBy, Instant savedAt) {
}
