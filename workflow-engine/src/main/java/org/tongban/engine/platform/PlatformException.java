package org.tongban.engine.platform;

/** Base of the platform's business failures; each subtype maps to one HTTP status in office-web. */
public abstract class PlatformException extends RuntimeException {

    protected PlatformException(String message) {
        super(message);
    }

    protected PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
