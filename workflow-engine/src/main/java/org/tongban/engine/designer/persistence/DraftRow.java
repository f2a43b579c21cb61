package org.tongban.engine.designer.persistence;

import java.time.Instant;

/** A {@code tb_process_draft} row; {@code id} is filled in by the insert. */
public class DraftRow {
    public Long id;
    public String processKey;
    public String name;
    public String xml;
    public String savedBy;
    public Instant savedAt;
}
