package org.tongban.engine.platform;

import java.util.Map;

/** The request is well-formed but its content is not acceptable; nothing was changed. */
public class InvalidInputException extends PlatformException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String message) {
        this(message, Map.of());
    }

    public InvalidInputException(String message, Map<String, String> fieldErrors) {
        super(message);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name → what is wrong with it; empty when the message says it all. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
