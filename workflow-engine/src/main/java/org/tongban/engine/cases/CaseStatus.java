package org.tongban.engine.cases;

/** Where a case stands. */
public enum CaseStatus {
    /** 待受理: created at the window, intake decision pending. */
    RECEIVED,
    /** 不予受理 */
    REFUSED,
    /** 审查中: departments are reviewing in parallel. */
    IN_REVIEW,
    /** 待送达: decided; the window delivers the result. */
    DELIVERING,
    /** 已办结 */
    CLOSED
}
