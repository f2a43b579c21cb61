package org.tongban.engine.document;

/** Where a document stands. Outgoing: DRAFTING → SIGNED → SEALED → DISTRIBUTED → ARCHIVED; incoming: RECEIVED →
 * REGISTERED → INSTRUCTED → CLOSED → ARCHIVED. */
public enum DocumentStatus {
    DRAFTING,
    SIGNED,
    SEALED,
    DISTRIBUTED,
    RECEIVED,
    REGISTERED,
    INSTRUCTED,
    CLOSED,
    ARCHIVED
}
