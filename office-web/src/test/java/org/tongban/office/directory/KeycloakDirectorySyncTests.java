package org.tongban.office.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.directory.IdentityProviderSync;
import org.tongban.engine.directory.IdentitySyncReport;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.KeycloakServer;
import org.tongban.office.testsupport.KeycloakTestBase;
import org.tongban.office.testsupport.OidcBrowser;

/**
 * The platform directory pushed into a real Keycloak (the integration module's sync through the Admin REST API
 * as the {@code tongban-service} client): idempotent, creating what is missing, mirroring changes, and reporting
 * but never touching accounts the directory does not know.
 */
class KeycloakDirectorySyncTests extends KeycloakTestBase {

    @Autowired
    IdentityProviderSync sync;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pushesTheDirectoryIdempotentlyAndReportsAccountsItDoesNotKnow() {
        IdentitySyncReport first = sync.synchronise();
        assertThat(first.failures()).isEmpty();
        assertThat(first.changed()).as("the realm file matches the demo directory: %s", first).isFalse();
        assertThat(first.unknownUsers()).isEmpty();

        // the directory changes: a new department and person, a department renamed, a position taken away,
        // a person disabled and one renamed; and someone creates an account directly in Keycloak
        jdbc.update("INSERT INTO tb_department (code, agency_code, name) VALUES ('SJ_PRICE', 'HZ_SJ', '价格监督检查处')");
        jdbc.update("INSERT INTO tb_user (username, display_name, password_hash, phone, email, enabled, created_at) "
                + "VALUES ('qianduo', '钱多', '-', NULL, 'qianduo@demo.tongban.org', TRUE, ?)", Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO tb_position (username, department_code, role_name) VALUES ('qianduo', 'SJ_PRICE', 'handler')");
        jdbc.update("UPDATE tb_department SET name = '食品经营安全监管处' WHERE code = 'SJ_FOOD'");
        jdbc.update("DELETE FROM tb_position WHERE username = 'xuli' AND role_name = 'reviewer'");
        jdbc.update("UPDATE tb_user SET enabled = FALSE WHERE username = 'qinfeng'");
        jdbc.update("UPDATE tb_user SET display_name = '杨一帆' WHERE username = 'yangfan'");
        ObjectNode foodGroup = (ObjectNode) keycloak.admin("GET", "/group-by-path/HZ_SJ/SJ_FOOD", null).body();
        ((ObjectNode) foodGroup.path("attributes")).putArray("phone").add("0571-87000000");
        assertThat(keycloak.admin("PUT", "/groups/" + foodGroup.path("id").asText(), foodGroup).status()).isEqualTo(204);
        assertThat(keycloak.admin("POST", "/users", Map.of("username", "stranger", "enabled", true,
                "firstName", "陌", "lastName", "生", "email", "stranger@example.org")).status()).isEqualTo(201);

        IdentitySyncReport second = sync.synchronise();
        assertThat(second.failures()).isEmpty();
        assertThat(second.createdRoles()).isEmpty();
        assertThat(second.createdGroups()).containsExactlyInAnyOrder("/HZ_SJ/SJ_PRICE", "/HZ_SJ/SJ_PRICE/handler");
        assertThat(second.updatedGroups()).containsExactly("/HZ_SJ/SJ_FOOD");
        assertThat(second.createdUsers()).containsExactly("qianduo");
        assertThat(second.updatedUsers()).containsExactlyInAnyOrder("qinfeng", "yangfan");
        assertThat(second.addedMemberships()).containsExactly("qianduo → /HZ_SJ/SJ_PRICE/handler");
        assertThat(second.removedMemberships()).containsExactly("xuli → /HZ_SJ/SJ_REG/reviewer");
        assertThat(second.unknownUsers()).containsExactly("stranger");

        JsonNode qianduo = user("qianduo");
        assertThat(qianduo.path("firstName").asText()).isEqualTo("多");
        assertThat(qianduo.path("lastName").asText()).isEqualTo("钱");
        assertThat(qianduo.path("email").asText()).isEqualTo("qianduo@demo.tongban.org");
        assertThat(groupPaths(qianduo)).containsExactly("/HZ_SJ/SJ_PRICE/handler");
        assertThat(groupPaths(user("xuli"))).containsExactly("/HZ_SJ/SJ_REG/handler");
        assertThat(user("qinfeng").path("enabled").asBoolean()).isFalse();
        assertThat(user("yangfan").path("firstName").asText()).isEqualTo("一帆");
        assertThat(user("stranger").path("enabled").asBoolean()).as("left alone").isTrue();
        JsonNode food = keycloak.admin("GET", "/group-by-path/HZ_SJ/SJ_FOOD", null).body();
        assertThat(food.path("attributes").path("displayName").get(0).asText()).isEqualTo("食品经营安全监管处");
        assertThat(food.path("attributes").path("phone").get(0).asText()).as("set in Keycloak, kept").isEqualTo("0571-87000000");
        JsonNode price = keycloak.admin("GET", "/group-by-path/HZ_SJ/SJ_PRICE/handler", null).body();
        assertThat(price.path("realmRoles").toString()).contains("handler");

        // the new person logs in once an administrator has given them a password in Keycloak
        assertThat(keycloak.admin("PUT", "/users/" + qianduo.path("id").asText() + "/reset-password",
                Map.of("type", "password", "value", "Qian@duo2026", "temporary", false)).status()).isEqualTo(204);
        Api asNewPerson = new Api(port, u -> keycloak.userToken(u, "Qian@duo2026"));
        Api.Response me = asNewPerson.get("qianduo", "/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("positions").get(0).path("departmentCode").asText()).isEqualTo("SJ_PRICE");
        // the disabled person no longer gets past Keycloak's login
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=tongban-web&response_type=code"
                + "&scope=openid&redirect_uri=" + OidcBrowser.REDIRECT_URI + "&code_challenge=" + "x".repeat(43)
                + "&code_challenge_method=S256";
        assertThat(new OidcBrowser(keycloak).login(authorize, "qinfeng", PASSWORD)).isEmpty();

        IdentitySyncReport third = sync.synchronise();
        assertThat(third.changed()).as("a repeated run changes nothing: %s", third).isFalse();
        assertThat(third.failures()).isEmpty();
        assertThat(third.unknownUsers()).containsExactly("stranger");
    }

    @Test
    void onlyAdministratorsRunTheSyncOverTheApi() {
        assertThat(api.post(FOOD_HANDLER, "/api/directory/identity-sync", null).status()).isEqualTo(403);
        Api.Response run = api.post(ADMIN, "/api/directory/identity-sync", null);
        assertThat(run.status()).as("%s", run.body()).isEqualTo(200);
        assertThat(run.body().has("createdUsers")).isTrue();
        assertThat(run.body().path("failures")).isEmpty();
    }

    private JsonNode user(String username) {
        KeycloakServer.Answer found = keycloak.admin("GET", "/users?exact=true&username=" + username, null);
        assertThat(found.body()).as("Keycloak user %s", username).hasSize(1);
        return found.body().get(0);
    }

    private List<String> groupPaths(JsonNode user) {
        List<String> paths = new ArrayList<>();
        keycloak.admin("GET", "/users/" + user.path("id").asText() + "/groups", null).body()
                .forEach(g -> paths.add(g.path("path").asText()));
        return paths;
    }
}
