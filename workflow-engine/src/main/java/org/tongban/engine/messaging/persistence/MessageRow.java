package org.tongban.engine.messaging.persistence;

import java.time.Instant;

/** A {@code tb_message} row, with its attachment's columns when read. */
public class MessageRow {
    public Long id;
    public long conversationId;
    public String sender;
    public String body;
    public Long attachmentId;
    public boolean urgent;
    public String clientKey;
    public Instant sentAt;
    public String fileName;
    public String contentType;
    public Long sizeBytes;
    public String sha256;
}
