package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document_attachment} row; {@code id} is filled in by the insert. */
public class AttachmentRow {
    public Long id;
    public long documentId;
    public String fileName;
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public String uploadedBy;
    public Instant uploadedAt;
}
