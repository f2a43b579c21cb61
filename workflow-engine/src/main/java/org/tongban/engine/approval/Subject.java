package org.tongban.engine.approval;

/** What a task is about: the case or document, by id, number and title. */
public record Subject(long id, String number, String title) {
}
