/**
 * Adapters that implement workflow-engine's ports for the world outside: identity provider (Keycloak),
 * notification channels (浙政钉/DingTalk-style and WeCom-style webhooks, SMS), e-license lookup, data-sharing
 * exchange. One package per outside system; each talks HTTP through resilient clients.
 */
package org.tongban.integration;
