package org.tongban.engine.cases.internal;

/** Names of the process variables of one-window-approval (the model's contract). */
final class CaseVariables {

    static final String CASE_ID = "caseId";
    static final String APPLICANT_TYPE = "applicantType";
    static final String WINDOW_DEPARTMENT = "windowDepartment";
    static final String INITIATOR = "initiator";
    static final String INTAKE_DECISION = "intakeDecision";
    static final String REVIEW_DEPARTMENTS = "reviewDepartments";
    static final String DEPARTMENT = "department";
    static final String LEADER_REQUIRED = "leaderRequired";
    static final String DECISION = "decision";
    static final String OUTCOME = "outcome";

    private CaseVariables() {
    }
}
