package org.tongban.engine.messaging;

/** A file attached to a message; {@code contentType} is what its content was detected as. */
public record AttachmentView(long id, String fileName, String contentType, long size, String sha256) {
}
