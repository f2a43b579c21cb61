package org.tongban.engine.document;

/**
 * How much of a document a person sees. FULL: the departments taking part (text, versions, opinions, open
 * steps). PUBLISHED: recipients and readers of a signed document (its text and attachments, not the internal
 * deliberation).
 */
public enum AccessLevel {
    FULL,
    PUBLISHED
}
