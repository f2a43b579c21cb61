/**
 * Built-in identity (the embedded default's login): BCrypt passwords with a password policy, lockout after
 * repeated failures, and server-side sessions so that an idle session expires and logout really ends it. In the
 * Keycloak mode, Keycloak does all of this and these services are not used for login.
 */
package org.tongban.engine.identity;
