package org.tongban.engine.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * 立项: what must be done, where it comes from ({@code source} INSTRUCTION or MEETING, {@code sourceRef} e.g. the
 * instruction's or the minutes' reference), by when (the end of office hours of {@code dueDate}, a working day), and
 * optionally its sub-items at once; without sub-items the item waits for the supervisor to split it.
 */
public record SupervisionItemForm(String title, SupervisionSource source, String sourceRef, String description,
                                  LocalDate dueDate, List<SubItemForm> subItems) {

    public SupervisionItemForm {
        subItems = subItems == null ? List.of() : List.copyOf(subItems);
    }
}
