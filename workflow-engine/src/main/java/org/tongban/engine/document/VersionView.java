package org.tongban.engine.document;

import java.time.Instant;

/** One saved version of the text; {@code body} is left out in version lists. */
public record VersionView(int version, String title, String body, String savedBy, String savedByName,
                          Instant savedAt) {
}
