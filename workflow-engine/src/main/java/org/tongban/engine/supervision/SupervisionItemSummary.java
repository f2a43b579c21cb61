package org.tongban.engine.supervision;

import java.time.Instant;
import java.util.List;
import org.tongban.engine.calendar.TrafficLight;

/** A supervision item in a list, with the number of its sub-items (visible to the reader) and how many are open. */
public record SupervisionItemSummary(long id, String itemNumber, String title, SupervisionSource source,
                                     SupervisionItemStatus status, Instant dueAt, TrafficLight light, int subItems,
                                     int openSubItems) {

    /** One page of items, newest first. */
    public record Page(List<SupervisionItemSummary> items, long total, int page, int size) {
    }
}
