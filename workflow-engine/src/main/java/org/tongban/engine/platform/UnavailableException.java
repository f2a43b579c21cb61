package org.tongban.engine.platform;

/** Something the server needs is missing (a font, an outside system): the request may succeed once it is there. */
public class UnavailableException extends PlatformException {

    public UnavailableException(String message) {
        super(message);
    }
}
