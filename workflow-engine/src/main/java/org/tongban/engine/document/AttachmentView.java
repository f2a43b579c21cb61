package org.tongban.engine.document;

import java.time.Instant;

/** An attachment: its name, the type detected from its content, size and SHA-256. */
public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {
}
