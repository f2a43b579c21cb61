package org.tongban.integration.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The few calls of Keycloak's Admin REST API the directory sync needs, as the {@code tongban-service} client's
 * service account (client credentials grant; the token is reused until shortly before it expires). Plain
 * RestClient: Keycloak's own admin client library would pin a RESTEasy stack into the application.
 */
class KeycloakAdminClient {

    private static final int PAGE = 200;

    private final KeycloakProperties properties;
    private final RestClient http;
    private final Clock clock;
    private String token;
    private Instant tokenRenewal = Instant.MIN;

    KeycloakAdminClient(KeycloakProperties properties, RestClient.Builder builder, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.clone().requestFactory(requests).baseUrl(properties.adminBase())
                .requestInterceptor((request, body, execution) -> {
                    if (!request.getURI().getPath().endsWith("/protocol/openid-connect/token")) {
                        request.getHeaders().setBearerAuth(bearer());
                    }
                    return execution.execute(request, body);
                })
                .build();
    }

    List<String> realmRoleNames() {
        List<RoleRep> roles = http.get().uri("/roles?briefRepresentation=true&first=0&max=1000").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        return roles == null ? List.of() : roles.stream().map(RoleRep::name).toList();
    }

    void createRealmRole(String name, String description) {
        http.post().uri("/roles").contentType(MediaType.APPLICATION_JSON)
                .body(new RoleRep(null, name, description)).retrieve().toBodilessEntity();
    }

    /** A group by its full path, e.g. {@code /HZ_SJ/SJ_FOOD/handler}, with attributes and realm roles. */
    Optional<GroupRep> groupByPath(String path) {
        String[] segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        try {
            return Optional.ofNullable(http.get()
                    .uri(b -> b.path("/group-by-path").pathSegment(segments).build())
                    .retrieve().body(GroupRep.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Creates a top-level group (parent null) or a subgroup; answers its id. */
    String createGroup(String parentId, String name, Map<String, List<String>> attributes) {
        GroupRep group = new GroupRep(null, name, null, attributes, null);
        ResponseEntity<Void> created = parentId == null
                ? http.post().uri("/groups").contentType(MediaType.APPLICATION_JSON).body(group).retrieve()
                        .toBodilessEntity()
                : http.post().uri("/groups/{id}/children", parentId).contentType(MediaType.APPLICATION_JSON)
                        .body(group).retrieve().toBodilessEntity();
        return idFromLocation(created);
    }

    void updateGroup(String id, String name, Map<String, List<String>> attributes) {
        http.put().uri("/groups/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(new GroupRep(id, name, null, attributes, null)).retrieve().toBodilessEntity();
    }

    void addGroupRealmRole(String groupId, String roleName) {
        RoleRep role = http.get().uri("/roles/{name}", roleName).retrieve().body(RoleRep.class);
        http.post().uri("/groups/{id}/role-mappings/realm", groupId).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(role)).retrieve().toBodilessEntity();
    }

    /** Every user of the realm (Keycloak leaves service accounts out of this list). */
    List<UserRep> users() {
        List<UserRep> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<UserRep> page = http.get().uri("/users?briefRepresentation=false&first={first}&max={max}", first, PAGE)
                    .retrieve().body(new ParameterizedTypeReference<>() { });
            if (page == null || page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    String createUser(UserRep user) {
        return idFromLocation(http.post().uri("/users").contentType(MediaType.APPLICATION_JSON).body(user).retrieve()
                .toBodilessEntity());
    }

    /**
     * Changes some fields of a user. The whole representation is read and written back, because a partial PUT
     * may drop what it leaves out (attributes, required actions) under Keycloak's user profile.
     */
    void updateUser(String id, Consumer<Map<String, Object>> change) {
        Map<String, Object> user = http.get().uri("/users/{id}", id).retrieve()
                .body(new ParameterizedTypeReference<>() { });
        change.accept(user);
        http.put().uri("/users/{id}", id).contentType(MediaType.APPLICATION_JSON).body(user).retrieve()
                .toBodilessEntity();
    }

    /** The groups a user is a direct member of, with their paths. */
    List<GroupRep> userGroups(String userId) {
        List<GroupRep> groups = http.get().uri("/users/{id}/groups?briefRepresentation=true&first=0&max=1000", userId)
                .retrieve().body(new ParameterizedTypeReference<>() { });
        return groups == null ? List.of() : groups;
    }

    void joinGroup(String userId, String groupId) {
        http.put().uri("/users/{user}/groups/{group}", userId, groupId).retrieve().toBodilessEntity();
    }

    void leaveGroup(String userId, String groupId) {
        http.delete().uri("/users/{user}/groups/{group}", userId, groupId).retrieve().toBodilessEntity();
    }

    private synchronized String bearer() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(tokenRenewal)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.serviceClientId());
            form.add("client_secret", properties.serviceClientSecret());
            TokenResponse response = http.post().uri(URI.create(properties.tokenEndpoint()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                    .body(TokenResponse.class);
            if (response == null || response.accessToken() == null) {
                throw new IllegalStateException("Keycloak issued no token to " + properties.serviceClientId());
            }
            token = response.accessToken();
            // renew a little early so that a token never expires between check and use
            tokenRenewal = now.plusSeconds(Math.max(0, response.expiresIn() - 30));
        }
        return token;
    }

    private static String idFromLocation(ResponseEntity<Void> created) {
        URI location = created.getHeaders().getLocation();
        if (location == null) {
            throw new IllegalStateException("Keycloak answered " + created.getStatusCode() + " without a "
                    + HttpHeaders.LOCATION);
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleRep(String id, String name, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupRep(String id, String name, String path, Map<String, List<String>> attributes,
                    List<String> realmRoles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserRep(String id, String username, String firstName, String lastName, String email,
                   Boolean emailVerified, Boolean enabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
