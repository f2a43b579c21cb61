package org.tongban.engine.platform;

import java.time.Duration;

/** The caller did this too recently (a rate limit, e.g. 催办 once per hour); nothing was changed. */
public class TooManyRequestsException extends PlatformException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the same request would be accepted. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
