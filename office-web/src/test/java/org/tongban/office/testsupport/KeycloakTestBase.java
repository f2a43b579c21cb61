package org.tongban.office.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tongban.engine.testsupport.TestUsers;

/**
 * The application in the {@code keycloak} identity mode on a random port, against the JVM's one real Keycloak
 * ({@link KeycloakServer}). Keycloak starts while the Spring context starts; the first test waits for it. The
 * subclasses share one context. Runs on H2 only (the identity mode does not depend on the database), so the
 * classes are named {@code Keycloak*Tests}, outside the MariaDB pass's {@code *WebTests}/{@code *IntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("keycloak")
public abstract class KeycloakTestBase {

    protected static final KeycloakServer keycloak = KeycloakServer.shared();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void keycloakSettings(DynamicPropertyRegistry registry) {
        registry.add("tongban.keycloak.server-url", keycloak::baseUrl);
        registry.add("tongban.keycloak.service-client-secret", keycloak::serviceSecret);
        // the tests run the sync themselves, when they expect it
        registry.add("tongban.keycloak.sync-on-start", () -> "false");
    }

    @BeforeEach
    void awaitKeycloak() {
        keycloak.awaitReady();
        api = new Api(port, username -> keycloak.userToken(username, TestUsers.PASSWORD));
    }

    protected String appUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
