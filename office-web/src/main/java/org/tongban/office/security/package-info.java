/**
 * Authentication and the mapping from a token to the platform's {@link org.tongban.engine.directory.Actor}.
 * Built-in mode: the login endpoint checks the BCrypt password and issues a signed JWT; every API call is an
 * OAuth2 resource-server request. Authorisation itself is enforced in workflow-engine's services.
 */
package org.tongban.office.security;
