package org.tongban.engine.platform;

/** The object changed under the caller (someone else acted first, or the state no longer allows it). */
public class ConflictException extends PlatformException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
