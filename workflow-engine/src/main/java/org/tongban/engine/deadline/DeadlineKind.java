package org.tongban.engine.deadline;

/** What a clock times. */
public enum DeadlineKind {
    /** 办件: from acceptance to 办结, the longest promised time limit of its matters. */
    CASE,
    /** One department's review of a case (部门审查), the longest promised time limit of its matters. */
    CASE_REVIEW,
    /** 督办事项 as a whole. */
    SUPERVISION_ITEM,
    /** 督办子项: one responsible unit's share of a supervision item. */
    SUPERVISION_TASK
}
