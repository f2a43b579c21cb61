package org.tongban.engine.document;

import java.nio.file.Path;

/** An attachment's file, for download: where it lies and what it is. */
public record AttachmentContent(String fileName, String contentType, long sizeBytes, String sha256, Path file) {
}
