package org.tongban.office.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests: the {@code keycloak-quarkus-dist} that the build unpacks into
 * {@code target/keycloak}, started once per test JVM with {@code start-dev} on free loopback ports, the
 * repository's realm file imported as is, and stopped when the JVM ends. Its data directory is wiped before each
 * start, so every run imports the realm afresh. The output goes to {@code target/keycloak/keycloak.log}.
 */
public final class KeycloakServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final String ADMIN_USER = "kc-bootstrap";
    private static KeycloakServer shared;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port = freePort();
    private final int managementPort = freePort();
    private final String adminPassword = UUID.randomUUID().toString();
    private final String serviceSecret = UUID.randomUUID().toString();
    private final Path home;
    private final Path log;
    private Process process;
    private long startedAt;
    private volatile boolean ready;

    private KeycloakServer(Path home) {
        this.home = home;
        this.log = home.getParent().resolve("keycloak.log");
    }

    /** The one server of this JVM, starting it on first use (without waiting: see {@link #awaitReady()}). */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = new KeycloakServer(locate());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}, also the pinned hostname of the tokens' issuer. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/tongban";
    }

    /** The {@code tongban-service} client's secret, given to Keycloak's realm import through the environment. */
    public String serviceSecret() {
        return serviceSecret;
    }

    /** Blocks until {@code /health/ready} answers 200 on the management port. */
    public synchronized void awaitReady() {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    ready = true;
                    System.out.printf("Keycloak ready on %s after %d s%n", baseUrl(),
                            (System.currentTimeMillis() - startedAt) / 1000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + ":\n" + tail());
    }

    /** A token of the master realm's bootstrap administrator, for setting up test situations. */
    public String adminToken() {
        JsonNode token = postForm(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", adminPassword));
        return token.path("access_token").asText();
    }

    /** The {@code tongban-service} client's own token (client credentials grant). */
    public String serviceToken() {
        return postForm(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "tongban-service", "client_secret", serviceSecret)).path("access_token").asText();
    }

    /**
     * A demo user's access token for the {@code tongban-web} client, got the way a browser gets it: the
     * authorization code flow with PKCE through Keycloak's login form (the realm allows no password grant).
     */
    public String userToken(String username, String password) {
        return new OidcBrowser(this).pkceToken(username, password);
    }

    /** A call of the tongban realm's admin API as the bootstrap administrator; answers status and JSON body. */
    public Answer admin(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/tongban" + path))
                    .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status and a JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    /** GET that must answer 200 with JSON. */
    public JsonNode getJson(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Form POST that must answer 200 with JSON. */
    JsonNode postForm(String url, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OidcBrowser.formBody(form))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start() {
        try {
            Path data = home.resolve("data");
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Path imports = Files.createDirectories(data.resolve("import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/tongban-realm.json")) {
                if (realm == null) {
                    throw new IllegalStateException("keycloak/tongban-realm.json is not on the test classpath");
                }
                Files.copy(realm, imports.resolve("tongban-realm.json"));
            }
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port", String.valueOf(port), "--http-host", "127.0.0.1",
                    "--http-management-port", String.valueOf(managementPort), "--health-enabled=true",
                    "--hostname", baseUrl(), "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // a start on a busy 2-core machine is CPU-bound: C1 alone compiles less (kc.sh already picks the collector)
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("TONGBAN_KEYCLOAK_SERVICE_SECRET", serviceSecret);
            startedAt = System.currentTimeMillis();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The distribution under {@code target/keycloak}, which the build's {@code unpack-keycloak} step fills. */
    private static Path locate() {
        String version = System.getProperty("keycloak.version", "26.7.3");
        Path home = Path.of("target", "keycloak", "keycloak-" + version).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the tests through Maven "
                    + "(mvn verify unpacks org.keycloak:keycloak-quarkus-dist:" + version + ":zip there)");
        }
        return home;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
