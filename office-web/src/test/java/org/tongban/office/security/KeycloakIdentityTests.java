package org.tongban.office.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.KeycloakServer;
import org.tongban.office.testsupport.KeycloakTestBase;
import org.tongban.office.testsupport.OidcBrowser;
import org.tongban.office.testsupport.RealmSigningKey;

/**
 * The {@code keycloak} identity mode against a real Keycloak with the repository's realm: tokens got through the
 * {@code tongban-web} client's authorization code flow, the API's authorisation rules with them, and every kind of
 * bad token refused with 401.
 */
class KeycloakIdentityTests extends KeycloakTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void realmTokensCarryThePositionGroupTheRoleAndTheApiAudience() {
        String token = api.token(FOOD_HANDLER_RARE_NAME);
        JsonNode claims = payload(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(texts(claims.path("aud"))).contains("tongban-api");
        assertThat(claims.path("azp").asText()).isEqualTo("tongban-web");
        assertThat(texts(claims.path("groups"))).containsExactly("/HZ_SJ/SJ_FOOD/handler");
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("handler");
        assertThat(texts(claims.path("roles"))).contains("handler");
        assertThat(claims.path("family_name").asText()).isEqualTo("𠮷");

        Api.Response me = api.get(FOOD_HANDLER_RARE_NAME, "/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("username").asText()).isEqualTo(FOOD_HANDLER_RARE_NAME);
        assertThat(me.body().path("displayName").asText()).isEqualTo("𠮷哲");
        assertThat(me.body().path("positions").get(0).path("departmentCode").asText()).isEqualTo("SJ_FOOD");
        assertThat(me.body().path("positions").get(0).path("role").asText()).isEqualTo("HANDLER");
    }

    @Test
    void peopleOfTwoDepartmentsSeeOnlyTheirOwnDepartmentsTasks() {
        Api.Response created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aRestaurantOpeningCase());
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        long caseId = created.body().path("id").asLong();
        String intake = tasksOn(WINDOW_CLERK, caseId).get(0).path("id").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT"))
                .status()).isEqualTo(204);

        List<JsonNode> food = tasksOn(FOOD_HANDLER, caseId);
        List<JsonNode> fire = tasksOn(FIRE_HANDLER, caseId);
        assertThat(food).hasSize(1);
        assertThat(fire).hasSize(1);
        String foodTask = food.get(0).path("id").asText();
        String fireTask = fire.get(0).path("id").asText();
        assertThat(foodTask).isNotEqualTo(fireTask);

        assertThat(api.get(FOOD_HANDLER, "/api/tasks/" + foodTask).status()).isEqualTo(200);
        Api.Response foreign = api.get(FIRE_HANDLER, "/api/tasks/" + foodTask);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().has("subject")).as("no data of the task").isFalse();
        assertThat(foreign.body().toString()).doesNotContain("SJ_FOOD").doesNotContain("handle\"");
        assertThat(api.get(FOOD_HANDLER, "/api/tasks/" + fireTask).status()).isEqualTo(404);
        assertThat(api.post(FIRE_HANDLER, "/api/tasks/" + foodTask + "/complete",
                Map.of("decision", "GRANT", "opinion", "越权")).status()).isEqualTo(404);
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + foodTask + "/complete",
                Map.of("decision", "GRANT", "opinion", "经审查，符合条件")).status()).isEqualTo(204);
    }

    @Test
    void camundaRestApiIsForAdministratorsAndDesignersOnly() {
        assertThat(api.get(null, "/engine-rest/engine").status()).isEqualTo(401);
        assertThat(api.get(FOOD_HANDLER, "/engine-rest/engine").status()).isEqualTo(403);
        assertThat(api.get("lvbin", "/engine-rest/engine").status()).isEqualTo(200);
        assertThat(api.get(ADMIN, "/engine-rest/engine").status()).isEqualTo(200);
    }

    @Test
    void tamperedExpiredForeignAndMisaddressedTokensGet401() {
        RealmSigningKey realmKey = RealmSigningKey.registeredWith(keycloak);
        Instant now = Instant.now();
        Instant later = now.plusSeconds(300);
        assertThat(status(realmKey.sign(claims(keycloak.issuer(), "tongban-api", later))))
                .as("the control: signed with a key of the realm, right issuer, audience and expiry").isEqualTo(200);
        assertThat(status(realmKey.sign(claims(keycloak.issuer(), "tongban-api", now.minusSeconds(10)))))
                .as("expired 10 s ago, inside the configured 30 s clock skew").isEqualTo(200);
        assertThat(status(realmKey.sign(claims(keycloak.issuer(), "tongban-api", now.minusSeconds(60)))))
                .as("expired beyond the clock skew").isEqualTo(401);
        assertThat(status(realmKey.sign(claims(keycloak.baseUrl() + "/realms/other", "tongban-api", later))))
                .as("another issuer").isEqualTo(401);
        assertThat(status(realmKey.sign(claims(keycloak.issuer(), "account", later))))
                .as("not addressed to the API").isEqualTo(401);
        assertThat(status(RealmSigningKey.unregistered().sign(claims(keycloak.issuer(), "tongban-api", later))))
                .as("signed with a key the realm does not publish").isEqualTo(401);

        String real = api.token(FOOD_HANDLER);
        assertThat(status(real)).isEqualTo(200);
        String[] parts = real.split("\\.");
        ObjectNode changed = (ObjectNode) payload(real);
        changed.put("preferred_username", ADMIN);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Api.Response refused = api.call(HttpMethod.GET, "/api/tasks", tampered, null);
        assertThat(refused.status()).as("a real token with one claim changed").isEqualTo(401);
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");

        assertThat(status(keycloak.adminToken())).as("a token of the same server's master realm").isEqualTo(401);
        assertThat(status(keycloak.serviceToken())).as("the service client's token, not for the API").isEqualTo(401);
    }

    @Test
    void builtInLoginAnswersThatLoginHappensAtKeycloak() {
        Api.Response login = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", WINDOW_CLERK, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.body().path("detail").asText()).contains("统一身份认证");
        assertThat(login.body().path("loginUrl").asText()).isEqualTo("/oauth2/authorization/keycloak");
        assertThat(login.body().path("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(api.post(WINDOW_CLERK, "/api/auth/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "Another@2027")).status()).isEqualTo(400);
    }

    @Test
    void webLoginRunsTheAuthorizationCodeFlowWithPkceAndLeavesTheApiBearerOnly() {
        allowRedirectsToThisApplication();
        OidcBrowser browser = new OidcBrowser(keycloak);

        HttpResponse<String> start = browser.get(appUrl("/oauth2/authorization/keycloak"));
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
        assertThat(OidcBrowser.query(URI.create(authorize)))
                .containsEntry("client_id", "tongban-web")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge")
                .containsEntry("redirect_uri", appUrl("/login/oauth2/code/keycloak"));

        String back = browser.login(authorize, WINDOW_CLERK, PASSWORD).orElseThrow();
        assertThat(back).startsWith(appUrl("/login/oauth2/code/keycloak?"));
        HttpResponse<String> done = browser.get(back);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/").doesNotContain("error");

        // the browser now has a login session with the application, but the API takes bearer tokens only
        assertThat(browser.get(appUrl("/api/tasks")).statusCode()).isEqualTo(401);
        assertThat(new OidcBrowser(keycloak).login(authorize, WINDOW_CLERK, "wrong-password"))
                .as("a wrong password at Keycloak").isEmpty();
    }

    private void allowRedirectsToThisApplication() {
        JsonNode client = keycloak.admin("GET", "/clients?clientId=tongban-web", null).body().get(0);
        ArrayNode redirects = (ArrayNode) client.path("redirectUris");
        redirects.add(appUrl("/*"));
        KeycloakServer.Answer updated = keycloak.admin("PUT", "/clients/" + client.path("id").asText(), client);
        assertThat(updated.status()).isEqualTo(204);
    }

    private List<JsonNode> tasksOn(String user, long caseId) {
        JsonNode items = api.get(user, "/api/tasks?size=100").body().path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId).toList();
    }

    private int status(String token) {
        return api.call(HttpMethod.GET, "/api/tasks", token, null).status();
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minusSeconds(300)))
                .expirationTime(Date.from(expiry))
                .claim("typ", "Bearer")
                .claim("azp", "tongban-web")
                .claim("preferred_username", FOOD_HANDLER)
                .build();
    }

    private JsonNode payload(String token) {
        try {
            return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}
