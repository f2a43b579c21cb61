package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_case} row; {@code id} is filled in by the insert. */
public class CaseRow {
    public Long id;
    public String caseNumber;
    public String title;
    public String bundleCode;
    public String applicantType;
    public String applicantName;
    public String applicantIdNumber;
    public String applicantPhone;
    public String windowDepartment;
    public String createdBy;
    public String status;
    public String intakeDecision;
    public String outcome;
    public String processInstanceId;
    public Instant createdAt;
    public Instant closedAt;
}
