package org.tongban.engine.designer;

import java.time.Instant;

/** A saved, not yet deployed model. {@code xml} is null in lists. */
public record Draft(long id, String processKey, String name, String xml, String savedBy, Instant savedAt) {
}
