package org.tongban.engine.messaging;

/** A member of a conversation. */
public record Member(String username, String displayName) {
}
