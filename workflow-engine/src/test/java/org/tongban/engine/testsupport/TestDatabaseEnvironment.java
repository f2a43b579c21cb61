package org.tongban.engine.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring context of a test run a database of its own: an in-memory H2 database by default, or a
 * fresh schema on the MySQL/MariaDB server when the run says {@code -Dtongban.test.db=mysql} (the test command
 * does both). An unreachable server fails the context with a clear message; it is never skipped. The job executor
 * is off in tests: they run due jobs through the ManagementService after moving the engine's clock.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static final List<Path> ATTACHMENT_DIRS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseEnvironment::dropCreated));
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseEnvironment::deleteAttachmentDirs));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // several application contexts of one test (nodes of a cluster) name the database they share
        String shared = environment.getProperty("tongban.test.shared-database");
        String name = shared != null ? shared
                : "tongban_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        String url;
        if ("mysql".equals(System.getProperty("tongban.test.db"))) {
            createMysqlDatabase(name);
            url = "jdbc:mysql://" + host() + "/" + name + "?characterEncoding=UTF-8&sendFractionalSeconds=false"
                    + "&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true";
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }
        environment.getPropertySources().addFirst(new MapPropertySource("tongbanTestDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", isMysql() ? user() : "sa",
                "spring.datasource.password", isMysql() ? password() : "",
                "tongban.demo.seed", "true",
                "tongban.scheduling.enabled", "false",
                "tongban.demo.password", TestUsers.PASSWORD,
                "tongban.messaging.attachments.dir", attachmentDir(name),
                // tests move the engine's clock (ClockUtil) and execute the due jobs themselves, so a timer never
                // fires behind a test's back; the two-node test asks for the job executors it exercises
                "camunda.bpm.job-execution.enabled",
                environment.getProperty("tongban.test.job-execution", "false"),
                // attachments of each context in a folder of its own, never in the working tree
                "tongban.documents.attachments.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "tongban-attachments", name).toString())));
    }

    /** Attachments of this context's tests, under the temp directory (deleted when the JVM ends). */
    private static String attachmentDir(String name) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), name + "-attachments");
        ATTACHMENT_DIRS.add(dir);
        return dir.toAbsolutePath().toString();
    }

    private static void deleteAttachmentDirs() {
        for (Path dir : ATTACHMENT_DIRS) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    private static boolean isMysql() {
        return "mysql".equals(System.getProperty("tongban.test.db"));
    }

    private static String host() {
        return System.getenv().getOrDefault("TONGBAN_TEST_DB_HOST", "127.0.0.1:3306");
    }

    private static String user() {
        return System.getenv().getOrDefault("TONGBAN_TEST_DB_USER", "tongban");
    }

    private static String password() {
        return System.getenv().getOrDefault("TONGBAN_TEST_DB_PASSWORD", "tongban");
    }

    private static synchronized void createMysqlDatabase(String name) {
        if (CREATED.contains(name)) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host() + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("The MySQL/MariaDB test run needs a server at " + host() + " with user "
                    + user() + " (bash .ci/run installs, starts and prepares it): " + e.getMessage(), e);
        }
    }

    private static void dropCreated() {
        if (CREATED.isEmpty() || Boolean.getBoolean("tongban.test.keepDatabases")) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host() + "/", user(), password());
             Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }
}
