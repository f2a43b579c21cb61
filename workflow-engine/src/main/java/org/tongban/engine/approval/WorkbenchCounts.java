package org.tongban.engine.approval;

/** The count of each workbench list, for the badges; {@code dueSoon} and {@code overdue} are parts of todo. */
public record WorkbenchCounts(long todo, long dueSoon, long overdue, long done, long started, long copied,
                              long copiedUnread) {
}
