package org.tongban.engine.approval;

/** 常用语: a saved opinion; {@code own} is false for the defaults everyone is offered. */
public record Phrase(long id, String content, boolean own) {
}
