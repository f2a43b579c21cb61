package org.tongban.office.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.tongban.TongbanApplication;
import org.tongban.office.bench.baseline.CamundaBaselineApplication;

/**
 * Benchmark 4 of issue 10, start-up on the embedded default: Tongban started as {@code bin/start} starts it (a
 * JVM of its own with bin/start's options, H2 under {@code ./data} of a fresh working directory, demo city seeded),
 * timed from launching the JVM until it has printed its ready line and answers HTTP on its port. The baseline in
 * the same run, started the same way: {@link CamundaBaselineApplication} (Spring Boot, a web server and the
 * embedded Camunda engine deploying the same models on H2, nothing of Tongban). They alternate.
 * <p>
 * Two ways of loading classes ({@code -Dbench.modes}, default {@code cds}): {@code plain}, the class path as the
 * test run has it (class directories and jars), and {@code cds}, as bin/start runs the application: every class
 * path entry a jar (the class directories are packed into jars first, as the extracted application is) and an
 * AppCDS archive written by one training start that stops after the context refresh, for each application alike.
 * The jar exists only after {@code package}, so the child JVMs run the test classpath less the test classes and
 * test jars. The test command runs one start of each and asserts only that both came up; a full run:
 * {@code mvn -B -o test -pl office-web -am -Dtest=StartupBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dskip.ui=true -Dbench.starts=3 -Dbench.restart=true -Dbench.modes=plain,cds -Dbench.write=BENCHMARKS.md};
 * {@code bench.restart} adds a second start on the same directory (database already there) to each run.
 */
class StartupBenchmarkTests {

    private static final Pattern TONGBAN_READY = Pattern.compile("Tongban 通办 is ready in (\\d+) ms");
    private static final Pattern BASELINE_READY =
            Pattern.compile(Pattern.quote(CamundaBaselineApplication.READY) + "(\\d+) ms");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final double TARGET_SECONDS = 15;

    private final Path work = Path.of("target", "bench-startup").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void tongbanAgainstSpringBootWithCamundaAlone() throws Exception {
        int starts = Integer.getInteger("bench.starts", 1);
        boolean restart = Boolean.getBoolean("bench.restart");
        List<Mode> modes = Arrays.stream(System.getProperty("bench.modes", "cds").split(","))
                .map(m -> Mode.valueOf(m.trim().toUpperCase())).toList();
        FileSystemUtils.deleteRecursively(work);
        List<Start> all = new ArrayList<>();
        for (Mode mode : modes) {
            Launch tongban = launch(mode, TongbanApplication.class.getName(), TONGBAN_READY, "/actuator/health");
            Launch baseline = launch(mode, CamundaBaselineApplication.class.getName(), BASELINE_READY, "/",
                    baselineSettings());
            for (int i = 1; i <= starts; i++) {
                Path tongbanDir = Files.createDirectories(work.resolve(mode + "-tongban-" + i));
                Path baselineDir = Files.createDirectories(work.resolve(mode + "-baseline-" + i));
                all.add(tongban.start(tongbanDir, false));
                all.add(baseline.start(baselineDir, false));
                if (restart) {
                    all.add(tongban.start(tongbanDir, true));
                    all.add(baseline.start(baselineDir, true));
                }
            }
        }
        String table = table(starts, modes, all, restart);
        System.out.println("\nStart-up on the embedded default (" + starts + " start(s) each, alternating):\n" + table);
        BenchmarkReport.writeIfAsked("Start-up, embedded default (H2)", starts + " start(s) of each, alternating, "
                + "each a JVM of its own with bin/start's options (" + String.join(" ", javaOptions())
                + ") on a fresh data directory" + (restart ? ", then again on the same one" : "")
                + "; class loading: " + modes.stream().map(Mode::describe).collect(Collectors.joining("; ")), table);
        assertThat(all).hasSize(modes.size() * starts * (restart ? 4 : 2))
                .allMatch(s -> s.wallMillis > 0 && s.selfReportedMillis > 0);
    }

    /** How the child JVM loads its classes. */
    private enum Mode {
        PLAIN("plain: the test run's class path (class directories and jars)"),
        CDS("cds: jars only and an AppCDS archive from a training start, as bin/start");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        String describe() {
            return description;
        }
    }

    /** A way to start one of the two applications: its JVM options, class path and main class. */
    private final class Launch {
        private final Mode mode;
        private final boolean tongban;
        private final List<String> jvm;
        private final String mainClass;
        private final Pattern ready;
        private final String probe;
        private final String[] settings;

        Launch(Mode mode, List<String> jvm, String mainClass, Pattern ready, String probe, String... settings) {
            this.mode = mode;
            this.tongban = mainClass.equals(TongbanApplication.class.getName());
            this.jvm = jvm;
            this.mainClass = mainClass;
            this.ready = ready;
            this.probe = probe;
            this.settings = settings;
        }

        Start start(Path dir, boolean restart) throws Exception {
            return StartupBenchmarkTests.this.start(this, dir, restart);
        }
    }

    /**
     * The launch of an application in a mode; for {@link Mode#CDS} the class directories packed into jars and the
     * archive written by a training start (not timed) on a data directory of its own.
     */
    private Launch launch(Mode mode, String mainClass, Pattern ready, String probe, String... settings)
            throws Exception {
        boolean ownTestClasses = mainClass.equals(CamundaBaselineApplication.class.getName());
        String name = ownTestClasses ? "baseline" : "tongban";
        String classpath = applicationClasspath(ownTestClasses);
        List<String> jvm = new ArrayList<>(javaOptions());
        if (mode == Mode.PLAIN) {
            jvm.addAll(List.of("-cp", classpath));
            return new Launch(mode, jvm, mainClass, ready, probe, settings);
        }
        Path jars = Files.createDirectories(work.resolve("cds-" + name));
        jvm.addAll(List.of("-cp", ClassPathJars.packed(classpath, jars)));
        Path archive = jars.resolve(name + ".jsa");
        List<String> training = new ArrayList<>(jvm);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", mainClass,
                "--server.port=0"));
        training.addAll(Arrays.asList(settings));
        Path trainingDir = Files.createDirectories(jars.resolve("training"));
        Process process = new ProcessBuilder(prefixJava(training)).directory(trainingDir.toFile())
                .redirectErrorStream(true).redirectOutput(trainingDir.resolve("training.log").toFile()).start();
        if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(archive)) {
            process.destroyForcibly();
            throw new AssertionError("the training start wrote no archive, see " + trainingDir.resolve("training.log"));
        }
        jvm.addAll(List.of("-XX:SharedArchiveFile=" + archive));
        return new Launch(mode, jvm, mainClass, ready, probe, settings);
    }

    private static List<String> prefixJava(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return command;
    }

    /** One start: wall time from launching the JVM to an HTTP answer after the ready line; the app's own figure. */
    private record Start(Mode mode, boolean tongban, boolean restart, double wallMillis, long selfReportedMillis) {
    }

    private Start start(Launch launch, Path dir, boolean restart) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(launch.jvm);
        command.addAll(List.of(launch.mainClass, "--server.port=" + port));
        command.addAll(Arrays.asList(launch.settings));
        command = prefixJava(command);
        Path log = dir.resolve(restart ? "restart.log" : "start.log");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        Thread stopOnExit = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            CompletableFuture<Long> readyLine = watch(process, launch.ready, log);
            long selfReported = readyLine.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            awaitHttp(port, launch.probe, t0);
            double wall = (System.nanoTime() - t0) / 1e6;
            return new Start(launch.mode, launch.tongban, restart, wall, selfReported);
        } finally {
            process.destroy(); // SIGTERM: a graceful shutdown, as an operator's Ctrl-C
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** bin/start's options; nothing of the test JVM's (C1-only, serial GC) reaches the application. */
    private static List<String> javaOptions() {
        return List.of("-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai");
    }

    /** The baseline's settings: Tongban's engine settings where they apply, none of its configuration files. */
    private static String[] baselineSettings() {
        return new String[] {"--spring.config.name=camunda-baseline",
                "--spring.datasource.url=jdbc:h2:file:./data/baseline;LOCK_TIMEOUT=10000",
                "--spring.datasource.username=sa", "--camunda.bpm.database.schema-update=true",
                "--camunda.bpm.history-level=full", "--camunda.bpm.metrics.enabled=false",
                "--camunda.bpm.metrics.db-reporter-activate=false",
                "--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn"};
    }

    /**
     * The test classpath without test classes and test jars (their test database settings, test models and
     * classes under Tongban's component scan): what the packaged application holds, plus the test libraries. The
     * baseline, which scans no components, gets this module's test classes, where it lives.
     */
    private static String applicationClasspath(boolean ownTestClasses) {
        String own = Path.of("target", "test-classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar")
                        && !entry.contains("surefire") || ownTestClasses && Path.of(entry).toAbsolutePath().toString()
                        .equals(own))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Copies the child's output to its log and completes with the ms of the ready line (fails if it ends first). */
    private static CompletableFuture<Long> watch(Process process, Pattern ready, Path log) {
        CompletableFuture<Long> readyLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    Matcher m = ready.matcher(line);
                    if (m.find()) {
                        readyLine.complete(Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException e) {
                readyLine.completeExceptionally(e);
            }
            readyLine.completeExceptionally(new IllegalStateException("the application ended before it was ready,"
                    + " see " + log));
        }, "bench-startup-output");
        reader.setDaemon(true);
        reader.start();
        return readyLine;
    }

    /** Polls until the port answers HTTP at all (any status: the baseline has no pages). */
    private void awaitHttp(int port, String path, long t0) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() - t0 < START_LIMIT.toNanos()) {
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no HTTP answer on port " + port + " within " + START_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String table(int starts, List<Mode> modes, List<Start> all, boolean restart) {
        StringBuilder rows = new StringBuilder("""
                | class loading | start | runs | Tongban s (mean / max) | Tongban's own ready figure s (mean) | Spring Boot + Camunda alone s (mean / max) | ratio (mean) | target < 15 s (Tongban max) |
                |---|---|---|---|---|---|---|---|
                """);
        for (Mode mode : modes) {
            for (boolean again : restart ? new boolean[] {false, true} : new boolean[] {false}) {
                List<Start> these = all.stream().filter(s -> s.mode == mode && s.restart == again).toList();
                double[] t = these.stream().filter(Start::tongban).mapToDouble(s -> s.wallMillis / 1000).toArray();
                double[] b = these.stream().filter(s -> !s.tongban).mapToDouble(s -> s.wallMillis / 1000).toArray();
                double own = these.stream().filter(Start::tongban)
                        .mapToDouble(s -> s.selfReportedMillis / 1000.0).average().orElse(0);
                rows.append(String.format("| %s | %s | %d | %.1f / %.1f | %.1f | %.1f / %.1f | **%.2f** | %s |%n",
                        mode.name().toLowerCase(), again ? "again, same data directory" : "first, fresh data directory",
                        starts, BenchmarkReport.mean(t), BenchmarkReport.max(t), own, BenchmarkReport.mean(b),
                        BenchmarkReport.max(b), BenchmarkReport.mean(t) / BenchmarkReport.mean(b),
                        BenchmarkReport.max(t) < TARGET_SECONDS ? "met" : "**missed**"));
            }
        }
        return rows.toString();
    }
}
