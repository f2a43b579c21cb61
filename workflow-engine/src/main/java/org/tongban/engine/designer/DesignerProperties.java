package org.tongban.engine.designer;

/**
 * The {@code camunda:property} names of the platform's modelling conventions, as the designer's properties panel
 * writes them. {@code tongban:signMode} is {@link org.tongban.engine.approval.SignMode#PROPERTY}; candidate
 * departments of a user task are written as {@code camunda:candidateGroups} ({@code DEPT:role}) and, for the
 * panel, as {@value #CANDIDATE_DEPARTMENTS}.
 */
public final class DesignerProperties {

    /** Comma-separated department codes a user task is offered to (with the role in its candidate groups). */
    public static final String CANDIDATE_DEPARTMENTS = "tongban:candidateDepartments";
    /** 承诺时限: promised working days of a process or step, 1–999. */
    public static final String PROMISED_DAYS = "tongban:promisedDays";
    /** 是否领导审批: true or false. */
    public static final String LEADER_APPROVAL = "tongban:leaderApproval";

    private DesignerProperties() {
    }
}
