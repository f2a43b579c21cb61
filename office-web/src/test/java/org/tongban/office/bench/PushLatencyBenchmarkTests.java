package org.tongban.office.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.identity.persistence.IdentityMapper;
import org.tongban.engine.identity.persistence.SessionRow;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.security.TokenService;
import org.tongban.office.testsupport.Api;

/**
 * Benchmark 3 of issue 10, push: N people online over the real {@code /ws} endpoint (one STOMP session each, the
 * real JWT on CONNECT), all handlers of 食品经营监管处 ({@code SJ_FOOD:handler}). Each Tongban round accepts a
 * 食品经营许可 case at the window over REST; the engine offers the 承办 task to the department, and
 * TaskArrivalListener → NotificationService → NotificationPush notify every handler after the commit. The latency
 * of a notice is its arrival at the client minus its {@code createdAt} (same JVM, same wall clock); it is also
 * given from the start of the completing call. The baseline, alternating with it in the same process: a plain
 * message to each of the same sessions through {@link SimpMessagingTemplate#convertAndSendToUser} — the transport
 * floor. The test command runs a quick variant (20 clients) that asserts only that it ran and everything arrived;
 * a full run: {@code mvn -B -o test -pl office-web -am -Dtest=PushLatencyBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dskip.ui=true -Dbench.clients=2000 -Dbench.rounds=5
 * -Dbench.write=BENCHMARKS.md}.
 *
 * <p>People and sessions are made in bulk: the users and positions by batch SQL into the directory's tables (as
 * the demo-city seeding does, one password hash for all), each session through the identity mapper's
 * {@code insertSession} and each token through {@link TokenService#issue} — the login's own steps, without its
 * BCrypt check, which would take minutes for 2,000 people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.bench=push-latency") // a context (and database) of its own: nobody else sees the crowd
class PushLatencyBenchmarkTests {

    private static final String DEPARTMENT = "SJ_FOOD";
    private static final String ROLE = "handler";
    private static final String OFFERED = "TASK_OFFERED";
    private static final String PLAIN = "BENCH_PLAIN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;
    @Autowired
    IdentityMapper identity;
    @Autowired
    TokenService tokenService;
    @Autowired
    SimpMessagingTemplate stomp;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void taskNoticesToEveryOnlineHandlerAgainstPlainPushes() throws Exception {
        int n = Integer.getInteger("bench.clients", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        long timeout = 60_000 + 30L * n;
        List<String> people = createHandlers(n);
        Map<String, String> tokens = openSessions(people);
        Api api = new Api(port);
        String clerk = api.token(WINDOW_CLERK);
        List<Instant> tongbanTriggers = new ArrayList<>();
        List<Instant> plainSends = new ArrayList<>();
        double triggerCallMillis = 0;
        try (StompCrowd crowd = new StompCrowd()) {
            long c0 = System.nanoTime();
            crowd.connect(port, tokens);
            double connectSeconds = (System.nanoTime() - c0) / 1e9;
            assertThat(crowd.connected()).isEqualTo(n);
            // round 0 of each is a warm-up; then they alternate, so drift hits both alike
            for (int round = 0; round <= rounds; round++) {
                plainSends.add(plainRound(people));
                boolean plainArrived = crowd.await(PLAIN, n * (round + 1), timeout);
                String intake = newCase(api);
                Instant trigger = Instant.now();
                tongbanTriggers.add(trigger);
                accept(clerk, intake);
                if (round > 0) {
                    triggerCallMillis += Duration.between(trigger, Instant.now()).toNanos() / 1e6;
                }
                boolean noticesArrived = crowd.await(OFFERED, n * (round + 1), timeout);
                if (!plainArrived || !noticesArrived) {
                    break; // reported below as delivered < expected
                }
            }
            Thread.sleep(500); // anything late or doubled shows in the counts
            crowd.await(StompCrowd.JOINED, n * (rounds + 1), timeout); // pushed after the notices
            Latencies tongban = latencies(crowd, OFFERED, tongbanTriggers);
            Latencies plain = latencies(crowd, PLAIN, plainSends);
            int expected = n * rounds;
            String db = environment.getProperty("spring.datasource.url", "?").startsWith("jdbc:mysql") ? "MariaDB" : "H2";
            String table = table(n, rounds, db, tongban, plain, triggerCallMillis / rounds, expected);
            System.out.printf("%nPush latency (%d clients connected in %.1f s, %d rounds after 1 warm-up; frames by"
                    + " type %s; errors %d):%n%s%n", n, connectSeconds, rounds, crowd.counts(), crowd.errors(), table);
            BenchmarkReport.writeIfAsked("Push latency, " + db, n + " STOMP clients over /ws (connected in "
                    + String.format("%.1f", connectSeconds) + " s), " + rounds + " rounds each after one warm-up, "
                    + "alternating", table);

            assertThat(crowd.errors()).as("ERROR frames or transport errors").isZero();
            // everyone joined each round's case group, and was told so once, with the conversation
            assertThat(crowd.count(StompCrowd.JOINED)).as("joined notices").isEqualTo(n * (rounds + 1));
            crowd.arrivals().values().forEach(inbox -> assertThat(inbox.stream()
                    .filter(a -> a.type().equals(StompCrowd.JOINED))
                    .map(a -> a.payload().path("conversationId").asLong()).distinct())
                    .hasSize(rounds + 1).allMatch(id -> id > 0));
            assertThat(tongban.delivered).as("notices delivered").isEqualTo(expected);
            assertThat(plain.delivered).as("plain messages delivered").isEqualTo(expected);
            assertThat(BenchmarkReport.percentile(tongban.fromCreated, 50)).isPositive();
            assertThat(BenchmarkReport.percentile(plain.fromCreated, 50)).isPositive();
        }
    }

    /** N handlers of the department, in bulk; the demo hash (one BCrypt for all, as the demo seeding does). */
    private List<String> createHandlers(int n) {
        String hash = jdbc.queryForObject("SELECT password_hash FROM tb_user WHERE username = ?", String.class,
                WINDOW_CLERK);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> people = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            people.add(String.format("bench%04d", i));
        }
        jdbc.batchUpdate("INSERT INTO tb_user (username, display_name, password_hash, email, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?)",
                people.stream().map(u -> new Object[] {u, "压测" + u.substring(5), hash, u + "@bench.tongban.org", now})
                        .toList());
        jdbc.batchUpdate("INSERT INTO tb_position (username, department_code, role_name) VALUES (?, ?, ?)",
                people.stream().map(u -> new Object[] {u, DEPARTMENT, ROLE}).toList());
        directory.invalidate();
        return people;
    }

    /** A server-side session and a bearer token per person, the way the built-in login makes them. */
    private Map<String, String> openSessions(List<String> people) {
        Map<String, String> tokens = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (String username : people) {
            Actor actor = directory.findActor(username).orElseThrow();
            String sessionId = UUID.randomUUID().toString();
            identity.insertSession(new SessionRow(sessionId, username, "127.0.0.1", now, now, null));
            tokens.put(username, tokenService.issue(actor, sessionId).accessToken());
        }
        return tokens;
    }

    /** A new 食品经营许可 case, ready for intake at the window; returns the intake task. */
    private static String newCase(Api api) {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        return created.path("openSteps").get(0).path("taskId").asText();
    }

    /**
     * Accepts the case at the window: 承办 is offered to the food department's handlers. Through the JDK's client
     * without a read timeout (Api's gives up after 10 s): with thousands of handlers the call takes long, and how
     * long is part of the result.
     */
    private void accept(String token, String intake) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/tasks/" + intake + "/complete"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"ACCEPT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** The transport floor: one message to each person's queue straight through the messaging template. */
    private Instant plainRound(List<String> people) {
        Instant now = Instant.now();
        Map<String, Object> payload = Map.of("type", PLAIN, "title", "基准消息", "createdAt", now);
        for (String username : people) {
            stomp.convertAndSendToUser(username, "/queue/notifications", payload);
        }
        return now;
    }

    /** Latencies in ms of every measured (not warm-up) arrival of a type, and how many arrived. */
    private static Latencies latencies(StompCrowd crowd, String type, List<Instant> starts) {
        List<Double> fromCreated = new ArrayList<>();
        List<Double> fromStart = new ArrayList<>();
        int delivered = 0;
        for (ConcurrentLinkedQueue<StompCrowd.Arrival> inbox : crowd.arrivals().values()) {
            int round = 0;
            for (StompCrowd.Arrival arrival : inbox) {
                if (!arrival.type().equals(type)) {
                    continue;
                }
                if (round > 0 && round < starts.size()) { // round 0 is the warm-up; beyond the last is a double
                    delivered++;
                    fromCreated.add(Duration.between(arrival.createdAt(), arrival.receivedAt()).toNanos() / 1e6);
                    fromStart.add(Duration.between(starts.get(round), arrival.receivedAt()).toNanos() / 1e6);
                }
                round++;
            }
        }
        return new Latencies(delivered, fromCreated.stream().mapToDouble(Double::doubleValue).toArray(),
                fromStart.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private record Latencies(int delivered, double[] fromCreated, double[] fromStart) {
    }

    private static String table(int n, int rounds, String db, Latencies tongban, Latencies plain,
                                double triggerCallMillis, int expected) {
        double ratio = BenchmarkReport.percentile(tongban.fromCreated, 99)
                / Math.max(0.001, BenchmarkReport.percentile(plain.fromCreated, 99));
        return String.format("""
                | path (%s, %d clients, %d rounds) | delivered / expected | p50 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | Tongban: task offered → notice pushed, from the notice's `createdAt` | %d / %d | %.1f | %.1f | %.1f |
                | Tongban: the same, from the start of the completing call (mean call %.0f ms) | %d / %d | %.1f | %.1f | %.1f |
                | baseline: `convertAndSendToUser` to each session, from the send | %d / %d | %.1f | %.1f | %.1f |
                | **ratio p99 Tongban (from `createdAt`) / baseline** | | | **%.2f** | |
                | target p99 < 100 ms (from `createdAt`) | | | %s | |
                """, db, n, rounds,
                tongban.delivered, expected, BenchmarkReport.percentile(tongban.fromCreated, 50),
                BenchmarkReport.percentile(tongban.fromCreated, 99), BenchmarkReport.max(tongban.fromCreated),
                triggerCallMillis, tongban.delivered, expected, BenchmarkReport.percentile(tongban.fromStart, 50),
                BenchmarkReport.percentile(tongban.fromStart, 99), BenchmarkReport.max(tongban.fromStart),
                plain.delivered, expected, BenchmarkReport.percentile(plain.fromCreated, 50),
                BenchmarkReport.percentile(plain.fromCreated, 99), BenchmarkReport.max(plain.fromCreated), ratio,
                tongban.delivered < expected ? "— (not all delivered)"
                        : BenchmarkReport.percentile(tongban.fromCreated, 99) < 100 ? "met" : "**missed**");
    }
}
