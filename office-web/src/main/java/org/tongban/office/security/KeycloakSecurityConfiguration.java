package org.tongban.office.security;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.client.RestTemplate;
import org.tongban.integration.keycloak.KeycloakProperties;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * The {@code keycloak} identity mode. The API accepts only access tokens of the configured realm: RS256 signed by
 * a key from the realm's JWK set (fetched lazily and cached, so the application starts while Keycloak is still
 * down), the realm's issuer, the API's audience, and {@code exp}/{@code nbf} within the configured clock skew.
 * Keycloak's ID and refresh tokens carry other audiences and are refused. The web UI logs in through the
 * {@code tongban-web} client (authorization code + PKCE) on a separate, session-based chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = IdentityMode.PROPERTY, havingValue = IdentityMode.KEYCLOAK)
class KeycloakSecurityConfiguration {

    @Bean
    JwtDecoder keycloakJwtDecoder(KeycloakProperties keycloak, Clock clock) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(keycloak.timeout());
        requests.setReadTimeout(keycloak.timeout());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(requests))
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(keycloak.clockSkew());
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(keycloak.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(keycloak.audience()))));
        return decoder;
    }

    /**
     * OIDC login of the web UI: {@code /oauth2/authorization/keycloak} sends the browser to Keycloak,
     * {@code /login/oauth2/code/keycloak} takes the code back (PKCE, as the client is public). The API chain
     * stays stateless and bearer-only; this chain matches nothing of it.
     */
    @Bean
    @Order(1)
    SecurityFilterChain oidcLogin(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(antMatcher("/oauth2/**"), antMatcher("/login/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/keycloak"));
        return http.build();
    }
}
