package org.tongban.office.security;

/**
 * Who authenticates people: {@code built-in} (the default: BCrypt passwords in the directory, this application's
 * login endpoint and tokens) or {@code keycloak} (the production identity provider; set by the {@code keycloak}
 * profile). Selected by {@code tongban.identity.mode}.
 */
public final class IdentityMode {

    /** The property naming the mode. */
    public static final String PROPERTY = "tongban.identity.mode";
    public static final String BUILT_IN = "built-in";
    public static final String KEYCLOAK = "keycloak";

    private IdentityMode() {
    }
}
