package org.tongban.office.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.tongban.office.testsupport.Api;

/** Built-in login and token checks over a real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void loginReturnsABearerTokenAndTheUsersPositions() {
        Api.Response login = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", FOOD_HANDLER_RARE_NAME, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("token").path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(login.body().path("user").path("displayName").asText()).isEqualTo("𠮷哲");
        Api.Response me = api.call(HttpMethod.GET, "/api/auth/me",
                login.body().path("token").path("accessToken").asText(), null);
        assertThat(me.body().path("positions").get(0).path("departmentCode").asText()).isEqualTo("SJ_FOOD");
    }

    @Test
    void wrongPasswordMissingTamperedOrForeignTokensGet401() {
        Api.Response wrong = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", WINDOW_CLERK, "password", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("detail").asText()).isEqualTo("用户名或密码错误");

        assertThat(api.call(HttpMethod.GET, "/api/tasks", null, null).status()).isEqualTo(401);
        String token = api.token(WINDOW_CLERK);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        Api.Response bad = api.call(HttpMethod.GET, "/api/tasks", tampered, null);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.headers().getContentType().toString()).startsWith("application/problem+json");
        // a token signed with another key (e.g. another installation's)
        String foreign = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ0b25nYmFuIiwic3ViIjoiYWRtaW4iLCJleHAiOjQxMDI0NDQ4MDB9."
                + "c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5LXRoYXQtaXMtd3Jvbmc";
        assertThat(api.call(HttpMethod.GET, "/api/tasks", foreign, null).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionAndTheTokenStopsWorking() {
        Api.Response login = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", CITY_HANDLER, "password", PASSWORD));
        String token = login.body().path("token").path("accessToken").asText();
        assertThat(api.call(HttpMethod.GET, "/api/tasks", token, null).status()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, "/api/auth/logout", token, null).status()).isEqualTo(204);
        Api.Response after = api.call(HttpMethod.GET, "/api/tasks", token, null);
        assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        for (int i = 0; i < 4; i++) {
            assertThat(api.call(HttpMethod.POST, "/api/auth/login", null,
                    Map.of("username", ENV_XIHU_HANDLER, "password", "guess" + i)).status()).isEqualTo(401);
        }
        Api.Response fifth = api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", ENV_XIHU_HANDLER, "password", "guess"));
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.body().path("detail").asText()).contains("账号已锁定");
        assertThat(api.call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", ENV_XIHU_HANDLER, "password", PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void camundaRestApiIsForAdministratorsAndDesignersOnly() {
        assertThat(api.get(null, "/engine-rest/engine").status()).isEqualTo(401);
        assertThat(api.get(WINDOW_CLERK, "/engine-rest/engine").status()).isEqualTo(403);
        assertThat(api.get(ADMIN, "/engine-rest/engine").status()).isEqualTo(200);
    }

    @Test
    void identityProviderSyncNeedsAnAdministratorAndTheKeycloakMode() {
        assertThat(api.post(FOOD_HANDLER, "/api/directory/identity-sync", null).status()).isEqualTo(403);
        Api.Response builtIn = api.post(ADMIN, "/api/directory/identity-sync", null);
        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(builtIn.body().path("detail").asText()).contains("未启用统一身份认证");
    }

    @Test
    void apiDescriptionListsTheCaseAndTaskEndpoints() {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/cases")).isTrue();
        assertThat(docs.body().path("paths").has("/api/tasks/{id}/complete")).isTrue();
    }
}
