package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_circulation_reader} row: the read receipt of one reader ({@code readAt} null until read). */
public record ReaderRow(long circulationId, String username, int sortOrder, Instant readAt, String opinion) {
}
