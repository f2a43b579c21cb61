package org.tongban.integration.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code keycloak} identity mode's settings ({@code tongban.keycloak.*}).
 *
 * @param serverUrl           Keycloak's base URL as this application reaches it (admin API, default issuer)
 * @param realm               the realm, {@code tongban}
 * @param issuerUri           the {@code iss} of the realm's tokens; defaults to {@code serverUrl/realms/realm}. Set
 *                            it when browsers reach Keycloak under another name than this application does
 * @param jwkSetUri           where the realm's signing keys are fetched; defaults to the issuer's certs endpoint
 * @param audience            the {@code aud} an access token must carry to be accepted by the API
 * @param clockSkew           how far a token's {@code exp}/{@code nbf} may be off: Keycloak and this application
 *                            run on different hosts, so a small NTP drift must not log people out
 * @param serviceClientId     the confidential client whose service account runs the directory sync
 * @param serviceClientSecret its secret
 * @param timeout             connect and read timeout of calls to Keycloak
 * @param syncOnStart         push the directory to Keycloak once the application is ready
 */
@ConfigurationProperties("tongban.keycloak")
public record KeycloakProperties(
        String serverUrl,
        @DefaultValue("tongban") String realm,
        String issuerUri,
        String jwkSetUri,
        @DefaultValue("tongban-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("tongban-service") String serviceClientId,
        String serviceClientSecret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("true") boolean syncOnStart) {

    public KeycloakProperties {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException("tongban.keycloak.server-url (TONGBAN_KEYCLOAK_URL) must be set in the keycloak mode");
        }
        serverUrl = stripSlash(serverUrl);
        issuerUri = issuerUri == null || issuerUri.isBlank() ? serverUrl + "/realms/" + realm : stripSlash(issuerUri);
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
        if (clockSkew.isNegative()) {
            throw new IllegalStateException("tongban.keycloak.clock-skew must not be negative");
        }
    }

    /** The realm's token endpoint as this application reaches it. */
    public String tokenEndpoint() {
        return serverUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** The base of the realm's admin REST API. */
    public String adminBase() {
        return serverUrl + "/admin/realms/" + realm;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
