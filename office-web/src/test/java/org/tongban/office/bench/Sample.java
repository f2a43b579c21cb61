package org.tongban.office.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured request, sorted; percentiles by the nearest-rank method. */
record Sample(long[] nanos) {

    static Sample of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Sample(sorted);
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    /** A markdown table row: database, size, request, p50, p99 and p50 as a multiple of the floor's. */
    String row(String db, int tasks, int people, String request, Sample floor) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | 40 | %s | %.1f | %.1f | %.2f |%n", db, tasks, people,
                request, p50(), p99(), p50() / floor.p50());
    }
}
