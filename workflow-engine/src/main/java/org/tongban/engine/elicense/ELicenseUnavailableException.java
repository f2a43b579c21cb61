package org.tongban.engine.elicense;

/** The licence service did not answer usefully (timeout, 5xx, unreadable answer). */
public class ELicenseUnavailableException extends RuntimeException {

    public ELicenseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
