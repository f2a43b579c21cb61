package org.tongban.engine.designer;

/** Save a draft: a new one when {@code id} is null, else overwrite that one. */
public record DraftForm(Long id, String xml) {
}
