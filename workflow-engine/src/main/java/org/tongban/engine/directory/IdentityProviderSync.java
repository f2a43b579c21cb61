package org.tongban.engine.directory;

/**
 * Port to an outside identity provider that mirrors this directory (Keycloak in the {@code keycloak} mode; the
 * adapter lives in the integration module). The platform directory is the source of truth: an implementation
 * creates and updates what is missing or stale on the provider's side and reports, never deletes, the
 * provider's accounts that the directory does not know.
 */
public interface IdentityProviderSync {

    /** Pushes agencies, departments, people and positions to the provider; safe to repeat. */
    IdentitySyncReport synchronise();
}
