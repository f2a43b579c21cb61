package org.tongban.engine.messaging.persistence;

import java.time.Instant;

/** A {@code tb_attachment} row. */
public class AttachmentRow {
    public Long id;
    public long conversationId;
    public String sha256;
    public long sizeBytes;
    public String contentType;
    public String fileName;
    public String uploadedBy;
    public Instant uploadedAt;
}
