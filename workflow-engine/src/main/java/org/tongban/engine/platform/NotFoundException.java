package org.tongban.engine.platform;

/**
 * The object does not exist, or the caller may not know that it exists. Both give the same answer so that
 * another department's task or case reveals nothing.
 */
public class NotFoundException extends PlatformException {

    public NotFoundException(String message) {
        super(message);
    }
}
