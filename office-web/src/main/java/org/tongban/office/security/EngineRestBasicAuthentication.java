package org.tongban.office.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.identity.LoginService;
import org.tongban.engine.platform.PlatformException;

/**
 * HTTP Basic on Camunda's REST API only, in the built-in identity mode: Camunda Modeler (desktop) deploys with a
 * username and password on every request. The password is checked like a login (lockout included) but opens no
 * session; the role check ({@code /engine-rest} for designers and admins) stays with the chain. Everywhere else,
 * and in the keycloak mode, only bearer tokens count.
 */
class EngineRestBasicAuthentication extends OncePerRequestFilter {

    private static final String PREFIX = "Basic ";

    private final LoginService logins;
    private final ProblemAuthenticationHandlers problems;

    EngineRestBasicAuthentication(LoginService logins, ProblemAuthenticationHandlers problems) {
        this.logins = logins;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials;
        try {
            String decoded = new String(Base64.getDecoder().decode(
                    request.getHeader("Authorization").substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            credentials = colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            credentials = null;
        }
        if (credentials == null) {
            problems.commence(request, response, new BadCredentialsException("Basic 认证信息格式错误"));
            return;
        }
        Actor actor;
        try {
            actor = logins.authenticate(credentials[0], credentials[1], request.getRemoteAddr());
        } catch (PlatformException e) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException(e.getMessage()));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor, null));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
