package org.tongban.engine.supervision;

/** Where a supervision item stands. */
public enum SupervisionItemStatus {
    /** 待分解交办: the supervisor adds sub-items. */
    SPLITTING,
    /** 办理中: the units work and report. */
    IN_PROGRESS,
    /** 待销号: every sub-item is done; the supervising leader approves the closing. */
    CLOSING,
    /** 已销号 */
    CLOSED
}
