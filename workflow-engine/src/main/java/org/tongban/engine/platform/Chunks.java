package org.tongban.engine.platform;

import java.util.ArrayList;
import java.util.List;

/** Consecutive slices of a list, for writing many rows in multi-row statements of bounded size. */
public final class Chunks {

    /**
     * Rows per multi-row INSERT: a department's worth of notices or members in one statement, bounded so that a
     * statement stays well under the server's packet and parameter limits.
     */
    public static final int INSERT_ROWS = 500;

    private Chunks() {
    }

    /** {@code list} in slices of at most {@code size} (views of it, in order); none for an empty list. */
    public static <T> List<List<T>> of(List<T> list, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
