package org.tongban.engine.supervision.persistence;

import java.time.Instant;

/** A {@code tb_supervision_item} row; {@code id} is filled in by the insert. */
public class ItemRow {
    public Long id;
    public String itemNumber;
    public String title;
    public String source;
    public String sourceRef;
    public String description;
    public String supervisorDepartment;
    public Long caseId;
    public String caseDepartment;
    public Instant dueAt;
    public String status;
    public String createdBy;
    public Instant createdAt;
    public Instant closedAt;
    public String processInstanceId;
}
