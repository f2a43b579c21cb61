package org.tongban.office.ui.web;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The UI's pages and assets: public static files (the data behind them is the API's, which needs a token),
 * read-only (GET/HEAD), with a Content-Security-Policy that allows only this origin's scripts — the build has
 * no inline script. Styles allow {@code 'unsafe-inline'} because Element Plus, Vant and bpmn-js set style
 * attributes at run time; frames may show {@code blob:} URLs only (the 公文 PDF preview, fetched with the token);
 * nothing else is relaxed. Camunda's webapps ({@code /camunda}) keep their own headers.
 */
@Configuration
class UiSecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src blob:; "
            + "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(10) // before the API chain, which is unordered; the matcher below never overlaps it
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(antMatcher("/api/**"),
                        antMatcher("/engine-rest/**"), antMatcher("/camunda/**"), antMatcher("/v3/api-docs/**"),
                        antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"), antMatcher("/actuator/**"))))
                .csrf(csrf -> csrf.disable()) // nothing here changes state: GET and HEAD only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(antMatcher(HttpMethod.GET, "/**"), antMatcher(HttpMethod.HEAD, "/**"))
                        .permitAll()
                        .anyRequest().denyAll())
                .headers(h -> h
                        .cacheControl(c -> c.disable()) // set per resource by SinglePageResources
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
