/**
 * Keycloak, the production identity provider: the realm definition ({@code keycloak/tongban-realm.json}) and the
 * push of the platform directory into the realm through the Admin REST API ({@link
 * org.tongban.engine.directory.IdentityProviderSync}). Token validation lives in office-web's security package.
 */
package org.tongban.integration.keycloak;
