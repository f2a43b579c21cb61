package org.tongban.engine.identity;

import org.tongban.engine.platform.PlatformException;

/** A refused login: wrong credentials (never saying which part) or a locked account. */
public class LoginFailedException extends PlatformException {

    public LoginFailedException(String message) {
        super(message);
    }
}
