package org.tongban.engine.cases;

/** An applicant's look-up: the case number and the verification code (查询码) given at intake. */
public record CaseStatusQuery(String caseNumber, String code) {
}
