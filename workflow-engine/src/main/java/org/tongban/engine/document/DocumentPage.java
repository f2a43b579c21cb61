package org.tongban.engine.document;

import java.util.List;

/** One page of the documents a person may see, newest first. */
public record DocumentPage(List<DocumentSummary> items, long total, int page, int size) {
}
