package org.tongban.engine.cases;

/** A visit of the applicant to the window: purpose APPLY, SUPPLEMENT, COLLECT, ENQUIRY or OTHER, and a note. */
public record VisitForm(String purpose, String note) {
}
