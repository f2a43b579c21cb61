package org.tongban.engine.supervision;

/** Where a sub-item (one unit's share of an item) stands. */
public enum SubItemStatus {
    /** 待交办: added by the supervisor, not yet assigned. */
    NEW,
    /** 办理中 */
    IN_PROGRESS,
    /** 已办结: the supervisor accepted the unit's closing request. */
    DONE,
    /** 已撤销: its branch was cancelled. */
    CANCELLED
}
