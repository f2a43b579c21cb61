package org.tongban.office.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured request, in milliseconds; percentiles as {@link BenchmarkReport} takes them. */
record Sample(double[] millis) {

    static Sample of(long[] nanos) {
        return new Sample(Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray());
    }

    double p50() {
        return BenchmarkReport.percentile(millis, 50);
    }

    double p99() {
        return BenchmarkReport.percentile(millis, 99);
    }

    /** A markdown table row: database, size, request, p50, p99 and p50 as a multiple of the floor's. */
    String row(String db, int tasks, int people, int departments, String request, Sample floor) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %s | %.1f | %.1f | %.2f |%n", db, tasks, people,
                departments, request, p50(), p99(), p50() / floor.p50());
    }
}
