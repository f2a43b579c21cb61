package org.tongban.engine.cases;

/**
 * 补正登记: the applicant brought the supplementary materials to the window. {@code departmentCode} says which
 * department's request it answers; it may be left out when only one department is waiting.
 */
public record SupplementForm(String departmentCode, String note) {
}
