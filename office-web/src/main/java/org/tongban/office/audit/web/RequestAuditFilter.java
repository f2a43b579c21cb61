package org.tongban.office.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.tongban.engine.audit.AuditEntry;
import org.tongban.engine.audit.AuditResult;
import org.tongban.engine.audit.AuditTrail;

/**
 * Records every state-changing API request (and every refused one) in the audit trail after it was handled:
 * who, which operation on which object, the outcome, from where. Reads are not recorded; logins are recorded by
 * the login service itself, with the user they were for.
 */
@Component
class RequestAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestAuditFilter.class);
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The audit record's column lengths for the action and the object id. */
    private static final int ACTION_LENGTH = 64;
    private static final int OBJECT_ID_LENGTH = 128;

    private final AuditTrail trail;

    RequestAuditFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/engine-rest/")) || path.equals("/api/auth/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            boolean refused = status == 401 || status == 403 || status == 404;
            if (CHANGING.contains(request.getMethod()) || refused) {
                record(request, status);
            }
        }
    }

    private void record(HttpServletRequest request, int status) {
        try {
            String uri = request.getRequestURI();
            String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String objectId = variables == null ? null : variables.get("id");
            if (pattern == null && uri.startsWith("/engine-rest/")) {
                // Camunda's REST API is not a Spring MVC handler: its template and id come from the path itself
                EngineRestPath path = EngineRestPath.of(uri);
                pattern = path.template();
                objectId = path.firstId();
            }
            String operation = abbreviate(request.getMethod() + " " + (pattern != null ? pattern : uri), ACTION_LENGTH);
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String actor = auth == null || !auth.isAuthenticated() || auth.getName() == null ? "anonymous" : auth.getName();
            AuditResult result = status < 400 ? AuditResult.SUCCESS
                    : status == 401 || status == 403 || status == 404 ? AuditResult.DENIED : AuditResult.FAILURE;
            trail.record(new AuditEntry(actor, null, operation, objectType(uri), abbreviate(objectId, OBJECT_ID_LENGTH),
                    result, request.getRemoteAddr(), "{\"status\":" + status + ",\"path\":\"" + json(uri) + "\"}"));
        } catch (RuntimeException e) {
            // the request itself is done; a failing audit write must be seen, not hidden behind the answer
            log.error("Could not record {} {} in the audit trail", request.getMethod(), request.getRequestURI(), e);
        }
    }

    /** Cut to the audit column's length, marked, rather than losing the whole record. */
    private static String abbreviate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    /** The request path as a JSON string's content (it is URL-encoded already; quotes and backslashes remain). */
    private static String json(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            if (c >= ' ') {
                out.append(c);
            }
        }
        return abbreviate(out.toString(), 1000);
    }

    /** {@code /api/cases/7/supplements} → {@code cases}; {@code /engine-rest/deployment/create} → {@code engine-rest}. */
    private static String objectType(String uri) {
        String[] parts = uri.split("/");
        return uri.startsWith("/engine-rest/") ? "engine-rest" : parts.length > 2 ? parts[2] : "api";
    }
}
