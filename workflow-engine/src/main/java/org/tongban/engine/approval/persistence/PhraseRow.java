package org.tongban.engine.approval.persistence;

import java.time.Instant;

/** A {@code tb_phrase} row; {@code username} is null for a default phrase; {@code id} is filled in by the insert. */
public class PhraseRow {
    public Long id;
    public String username;
    public String content;
    public int sortOrder;
    public Instant createdAt;
}
