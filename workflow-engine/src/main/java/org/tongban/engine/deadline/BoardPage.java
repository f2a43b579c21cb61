package org.tongban.engine.deadline;

import java.util.List;

/** One page of a board, soonest deadline first, with the number of matching clocks. */
public record BoardPage(List<TrackedItem> items, long total, int page, int size) {
}
