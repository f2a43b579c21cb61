package org.tongban.engine.platform;

/** The caller can see the object but may not perform this action on it. */
public class ForbiddenException extends PlatformException {

    public ForbiddenException(String message) {
        super(message);
    }
}
