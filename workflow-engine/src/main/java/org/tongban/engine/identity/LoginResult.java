package org.tongban.engine.identity;

import org.tongban.engine.directory.Actor;

/** A successful login: who, and the server-side session the token is bound to. */
public record LoginResult(Actor actor, String sessionId) {
}
