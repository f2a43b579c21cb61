package org.tongban.engine.supervision.persistence;

import java.time.Instant;

/** A {@code tb_supervision_event} row: one entry of an item's log. */
public record EventRow(long itemId, Long subItemId, String kind, String actor, String actorName, String note,
                       Instant occurredAt) {
}
