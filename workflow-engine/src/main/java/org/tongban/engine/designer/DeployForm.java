package org.tongban.engine.designer;

/** Deploy a model; {@code draftId}, when given, is the draft it came from (removed once deployed). */
public record DeployForm(String xml, Long draftId) {
}
