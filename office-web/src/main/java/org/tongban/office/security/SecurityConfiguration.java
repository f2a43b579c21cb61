package org.tongban.office.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.tongban.engine.identity.LoginService;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Deny by default. The API is a stateless OAuth2 resource server; only login, health, the API description, the
 * applicant's case look-up and rating, and the static UI are open. Camunda's REST API is for administrators and
 * designers only; besides bearer tokens it takes HTTP Basic in the built-in mode (Camunda Modeler, see
 * {@link EngineRestBasicAuthentication}). The same chain serves
 * both identity modes; only the {@link JwtDecoder} differs (built-in HS256 tokens here, Keycloak's RS256 ones in
 * {@link KeycloakSecurityConfiguration}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ActorTokenConverter converter, ProblemAuthenticationHandlers problems,
                            LoginService logins,
                            @Value("${" + IdentityMode.PROPERTY + ":" + IdentityMode.BUILT_IN + "}") String mode)
            throws Exception {
        if (IdentityMode.BUILT_IN.equals(mode)) {
            // Camunda Modeler sends a username and password on /engine-rest; only there, only in this mode
            http.addFilterBefore(new EngineRestBasicAuthentication(logins, problems),
                    BearerTokenAuthenticationFilter.class);
        }
        // Ant matchers, not MVC ones: /engine-rest is served by Camunda's Jersey servlet, not the DispatcherServlet
        http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**"), antMatcher("/v3/api-docs/**"),
                        antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"), antMatcher("/actuator/**")))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie that a forged request could ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/auth/login")).permitAll()
                        .requestMatchers(antMatcher(HttpMethod.GET, "/api/ui/config")).permitAll()
                        // the applicant's status look-up and rating: a case number and code, rate-limited
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/public/case-status"),
                                antMatcher(HttpMethod.POST, "/api/public/case-rating")).permitAll()
                        .requestMatchers(antMatcher("/v3/api-docs/**"), antMatcher("/swagger-ui/**"),
                                antMatcher("/swagger-ui.html")).permitAll()
                        .requestMatchers(antMatcher("/actuator/health/**"), antMatcher("/actuator/info")).permitAll()
                        .requestMatchers(antMatcher("/engine-rest/**")).hasAnyRole("ADMIN", "DESIGNER")
                        .requestMatchers(antMatcher("/api/**")).authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Built-in mode: only this application's own tokens. The keycloak mode has its own decoder. */
    @Bean
    @ConditionalOnProperty(name = IdentityMode.PROPERTY, havingValue = IdentityMode.BUILT_IN, matchIfMissing = true)
    JwtDecoder jwtDecoder(TokenService tokens) {
        return tokens.decoder();
    }
}
