package org.tongban.integration.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.Role;

/**
 * The realm file against the demo directory ({@code demo/demo-city.json}) and against the sync's naming, so that
 * the two cannot drift apart (a first sync after importing the realm must change nothing), and the settings that
 * the security rules rely on.
 */
class RealmDefinitionTests {

    static JsonNode realm;
    static JsonNode city;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream r = RealmDefinitionTests.class.getResourceAsStream("/keycloak/tongban-realm.json");
             InputStream c = RealmDefinitionTests.class.getResourceAsStream("/demo/demo-city.json")) {
            realm = json.readTree(r);
            city = json.readTree(c);
        }
    }

    @Test
    void everyPlatformRoleIsARealmRole() {
        List<String> roles = names(realm.path("roles").path("realm"), "name");
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::key).toList());
    }

    @Test
    void agenciesAndDepartmentsAreGroupsNamedByCodeWithTheirChineseNames() {
        Map<String, JsonNode> agencies = byName(realm.path("groups"));
        for (JsonNode agency : city.path("agencies")) {
            JsonNode group = agencies.get(agency.path("code").asText());
            assertThat(group).as(agency.path("code").asText()).isNotNull();
            assertThat(group.path("attributes").path(KeycloakNames.DISPLAY_NAME).get(0).asText())
                    .isEqualTo(agency.path("name").asText());
            assertThat(group.path("attributes").path("shortName").get(0).asText())
                    .isEqualTo(agency.path("shortName").asText());
            Map<String, JsonNode> departments = byName(group.path("subGroups"));
            assertThat(departments.keySet()).containsExactlyInAnyOrderElementsOf(
                    names(agency.path("departments"), "code"));
            for (JsonNode department : agency.path("departments")) {
                assertThat(departments.get(department.path("code").asText()).path("attributes")
                        .path(KeycloakNames.DISPLAY_NAME).get(0).asText()).isEqualTo(department.path("name").asText());
            }
        }
        assertThat(agencies).hasSize(city.path("agencies").size());
    }

    @Test
    void everyDemoPersonIsAUserWhosePositionGroupsGrantTheirRoles() {
        Map<String, Department> departments = new HashMap<>();
        city.path("agencies").forEach(a -> a.path("departments").forEach(d -> departments.put(d.path("code").asText(),
                new Department(d.path("code").asText(), a.path("code").asText(), d.path("name").asText()))));
        Map<String, JsonNode> users = byName(realm.path("users"), "username");
        Map<String, List<String>> groupRoles = positionGroupRoles();
        for (JsonNode person : city.path("users")) {
            String username = person.path("username").asText();
            JsonNode user = users.get(username);
            assertThat(user).as(username).isNotNull();
            String name = person.path("name").asText();
            assertThat(user.path("lastName").asText()).isEqualTo(KeycloakNames.lastName(name));
            assertThat(user.path("firstName").asText()).isEqualTo(KeycloakNames.firstName(name));
            assertThat(user.path("email").asText()).as("else Keycloak: account is not fully set up").isNotBlank();
            assertThat(user.path("enabled").asBoolean()).isTrue();
            List<String> expected = new ArrayList<>();
            for (JsonNode position : person.path("positions")) {
                String[] parts = position.asText().split(":");
                String path = KeycloakNames.positionPath(departments.get(parts[0]), Role.ofKey(parts[1]));
                expected.add(path);
                assertThat(groupRoles.get(path)).as(path).containsExactly(parts[1]);
            }
            assertThat(names(user.path("groups"), null)).containsExactlyInAnyOrderElementsOf(expected);
        }
        // the demo people and the service client's account, nobody else
        assertThat(users).hasSize(city.path("users").size() + 1);
        assertThat(users.get("service-account-tongban-service").path("serviceAccountClientId").asText())
                .isEqualTo("tongban-service");
    }

    @Test
    void splitsChineseNamesAfterTheSurnameByCodePoint() {
        assertThat(KeycloakNames.lastName("张丽")).isEqualTo("张");
        assertThat(KeycloakNames.firstName("张丽")).isEqualTo("丽");
        assertThat(KeycloakNames.lastName("𠮷哲")).isEqualTo("𠮷");
        assertThat(KeycloakNames.firstName("𠮷哲")).isEqualTo("哲");
        assertThat(KeycloakNames.firstName("丽")).isEqualTo("丽");
        assertThat(KeycloakNames.lastName("丽")).isEqualTo("丽");
    }

    @Test
    void theWebClientIsPublicWithPkceAndNoPasswordGrantAndItsTokensCarryGroupsRolesAndTheApiAudience() {
        JsonNode web = client("tongban-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        Map<String, JsonNode> mappers = byName(web.path("protocolMappers"));
        assertThat(mappers.get("groups").path("protocolMapper").asText()).isEqualTo("oidc-group-membership-mapper");
        assertThat(mappers.get("groups").path("config").path("full.path").asText()).isEqualTo("true");
        assertThat(mappers.get("realm roles").path("protocolMapper").asText())
                .isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(mappers.get("tongban-api audience").path("config").path("included.custom.audience").asText())
                .isEqualTo("tongban-api");

        JsonNode service = client("tongban-service");
        assertThat(service.path("publicClient").asBoolean()).isFalse();
        assertThat(service.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(service.path("standardFlowEnabled").asBoolean()).isFalse();
        // from the environment at import, no default: a secret written here would be known to everyone
        assertThat(service.path("secret").asText()).isEqualTo("${TONGBAN_KEYCLOAK_SERVICE_SECRET}");
        // a clientScopes array would replace Keycloak's built-in scopes (profile, email, roles …)
        assertThat(realm.has("clientScopes")).isFalse();
    }

    @Test
    void theRealmLocksAccountsAndEndsIdleSessionsLikeTheBuiltInLogin() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isEqualTo(15 * 60);
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isEqualTo(15 * 60);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isEqualTo(30 * 60);
        assertThat(realm.path("accessTokenLifespan").asInt()).isLessThanOrEqualTo(300);
        assertThat(realm.path("passwordPolicy").asText()).contains("length(8)", "notUsername");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    private JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> clientId.equals(c.path("clientId").asText())).findFirst().orElseThrow();
    }

    /** Position group path → its realm roles. */
    private static Map<String, List<String>> positionGroupRoles() {
        Map<String, List<String>> roles = new TreeMap<>();
        for (JsonNode agency : realm.path("groups")) {
            for (JsonNode department : agency.path("subGroups")) {
                for (JsonNode position : department.path("subGroups")) {
                    roles.put("/" + agency.path("name").asText() + "/" + department.path("name").asText() + "/"
                            + position.path("name").asText(), names(position.path("realmRoles"), null));
                }
            }
        }
        return roles;
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        return byName(array, "name");
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> map = new TreeMap<>();
        array.forEach(n -> map.put(n.path(field).asText(), n));
        return map;
    }

    /** The texts of an array, or of one field of each element. */
    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(field == null ? n.asText() : n.path(field).asText()));
        return names;
    }
}
