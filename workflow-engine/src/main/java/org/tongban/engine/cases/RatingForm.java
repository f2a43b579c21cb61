package org.tongban.engine.cases;

/** 好差评 of a closed case by its applicant: 1 (非常不满意) to 5 (非常满意) and a comment. */
public record RatingForm(String caseNumber, String code, Integer score, String comment) {
}
