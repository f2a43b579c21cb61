package org.tongban.engine.supervision.persistence;

import java.time.Instant;

/** A {@code tb_supervision_sub_item} row; {@code id} is filled in by the insert. */
public class SubItemRow {
    public Long id;
    public long itemId;
    public String unitDepartment;
    public String agencyCode;
    public String requirement;
    public Instant dueAt;
    public String status;
    public Instant createdAt;
    public Instant assignedAt;
    public Instant lastFeedbackAt;
    public Instant escalatedAt;
    public Instant closedAt;
}
