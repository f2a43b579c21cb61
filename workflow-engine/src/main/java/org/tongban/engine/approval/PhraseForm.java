package org.tongban.engine.approval;

/** A new phrase for the actor's phrase book. */
public record PhraseForm(String content) {

    public PhraseForm {
        content = content == null ? null : content.strip();
    }
}
