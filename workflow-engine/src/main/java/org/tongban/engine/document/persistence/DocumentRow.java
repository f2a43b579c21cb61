package org.tongban.engine.document.persistence;

import java.time.Instant;

/** A {@code tb_document} row; {@code id} is filled in by the insert. */
public class DocumentRow {
    public Long id;
    public String direction;
    public String kind;
    public String title;
    public String classification;
    public String urgency;
    public String agencyCode;
    public String departmentCode;
    public String officeDepartment;
    public String drafter;
    public String signer;
    public Instant signedAt;
    public String status;
    public int currentVersion;
    public String docNumber;
    public String numberFamily;
    public Integer numberYear;
    public Long numberSeq;
    public Long originDocumentId;
    public String sourceAgencyCode;
    public String receiptNumber;
    public String processInstanceId;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant sealedAt;
    public Instant distributedAt;
    public Instant archivedAt;
}
