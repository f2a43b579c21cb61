package org.tongban.engine.cases;

/**
 * 差评: an applicant rated a closed case poorly; the rating was traced to a step and the department responsible for
 * it. Published in the rating's transaction; supervision opens a rectification (整改) for that department.
 */
public record CaseRatedPoorly(long caseId, String caseNumber, int score, String comment, String departmentCode,
                              String activityName, String reason) {
}
