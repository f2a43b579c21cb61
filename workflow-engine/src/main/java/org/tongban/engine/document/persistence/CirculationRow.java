package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_circulation} row; {@code id} is filled in by the insert. */
public class CirculationRow {
    public Long id;
    public long documentId;
    public String sender;
    public String note;
    public Instant startedAt;
    public String processInstanceId;
}
