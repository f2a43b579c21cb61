package org.tongban.engine.deadline;

/** What statistics are grouped by. */
public enum StatisticsGrouping {
    /** 机关 */
    AGENCY,
    /** 部门 */
    DEPARTMENT,
    /** 环节: the user task (handle, review, report …), across the departments the filter admits. */
    STEP
}
