package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document_distribution} row: the original went to an agency and became its incoming document. */
public record DistributionRow(long documentId, String agencyCode, String recipientType, long incomingDocumentId,
                              Instant distributedAt) {
}
