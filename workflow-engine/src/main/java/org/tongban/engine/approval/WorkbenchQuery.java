package org.tongban.engine.approval;

/**
 * Filters, order and page of a workbench list. All optional: {@code processKey}, {@code matterCode};
 * {@code due} SOON (due within the configured window) or OVERDUE, todo only; {@code unread} copied only;
 * {@code sort} createdAt (default) or dueAt (todo only); {@code direction} desc (default) or asc;
 * {@code page} from 0, {@code size} 1–100 (default 20).
 */
public record WorkbenchQuery(String processKey, String matterCode, String due, Boolean unread, String sort,
                             String direction, Integer page, Integer size) {

    public static WorkbenchQuery page(int page, int size) {
        return new WorkbenchQuery(null, null, null, null, null, null, page, size);
    }

    public static WorkbenchQuery defaults() {
        return new WorkbenchQuery(null, null, null, null, null, null, null, null);
    }
}
