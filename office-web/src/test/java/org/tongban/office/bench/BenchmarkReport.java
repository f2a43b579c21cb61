package org.tongban.office.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * What the office-web benchmarks share: percentiles, and appending a result table with the machine's details to
 * the file named by {@code -Dbench.write} (relative paths from the repository root, as in the engine's
 * CaseThroughputBenchmarkTests).
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** The p-th percentile (nearest rank) of the values; 0 when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** Cores, heap, JVM and OS of this process. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB max heap, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", " + ManagementFactory.getOperatingSystemMXBean().getName()
                + " " + System.getProperty("os.version") + ", load average "
                + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ", JVM options " + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm")).toList();
    }

    /** Appends {@code table} under {@code heading} to the {@code bench.write} file, when that property is set. */
    static void writeIfAsked(String heading, String notes, String table) throws IOException {
        String target = System.getProperty("bench.write");
        if (target == null) {
            return;
        }
        // surefire runs in the module directory (office-web); the file lives at the repository root
        Path file = Path.of(target).isAbsolute() ? Path.of(target) : Path.of("..").resolve(target);
        Files.writeString(file, "\n### " + heading + " — " + Instant.now() + "\n\nMachine: " + machine() + "\n\n"
                + (notes.isEmpty() ? "" : notes + "\n\n") + table,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
