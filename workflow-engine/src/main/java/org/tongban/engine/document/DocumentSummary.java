package org.tongban.engine.document;

import java.time.Instant;

/** A document in a list. */
public record DocumentSummary(long id, Direction direction, DocumentKind kind, String title, DocumentStatus status,
                              String number, String agencyCode, String drafter, Instant updatedAt) {
}
