package org.tongban.office.testsupport;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in an OIDC login, without the browser: follows the redirects by hand, keeps cookies per
 * host (Keycloak marks its cookies Secure even on plain http, which {@link java.net.CookieManager} would then
 * withhold) and fills in Keycloak's login form.
 */
public final class OidcBrowser {

    /** A redirect URI the realm file registers for {@code tongban-web}; the test never follows it. */
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/keycloak";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*\\saction=\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    public OidcBrowser(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** The authorization code flow with PKCE (S256) as {@code tongban-web}; answers the access token. */
    String pkceToken(String username, String password) {
        String verifier = random();
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?" + formBody(Map.of(
                "client_id", "tongban-web", "response_type", "code", "scope", "openid",
                "redirect_uri", REDIRECT_URI, "state", random(),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        String back = login(authorize, username, password)
                .orElseThrow(() -> new IllegalStateException("Keycloak refused the login of " + username));
        String code = query(URI.create(back)).get("code");
        return keycloak.postForm(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "client_id", "tongban-web", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier)).path("access_token").asText();
    }

    /**
     * Opens Keycloak's authorization URL, submits the login form and answers where Keycloak sends the browser
     * back to (the client's redirect URI with code and state), or empty when Keycloak shows the form again (wrong
     * password, disabled or locked account).
     */
    public Optional<String> login(String authorizationUrl, String username, String password) {
        HttpResponse<String> page = get(authorizationUrl);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(authorizationUrl + " answered " + page.statusCode() + ": " + page.body());
        }
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form on " + authorizationUrl + ": " + page.body());
        }
        HttpResponse<String> submitted = postForm(form.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password, "credentialId", ""));
        return submitted.statusCode() == 302 ? submitted.headers().firstValue("Location") : Optional.empty();
    }

    /** GET with this browser's cookies for the host; redirects are not followed. */
    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))), url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String url) {
        URI uri = URI.create(url);
        Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = keycloak.send(request.build());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }

    /** The query parameters of a URI, decoded. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
