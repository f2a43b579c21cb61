package org.tongban.engine.supervision;

/** Where a supervision item comes from (立项依据). */
public enum SupervisionSource {
    /** 领导批示 */
    INSTRUCTION,
    /** 会议决定 */
    MEETING,
    /** 逾期办件: opened by the platform when a department's review of a case passes its deadline. */
    OVERDUE_CASE,
    /** 差评整改: opened by the platform when an applicant rates a case poorly; assigned to the department's leaders. */
    RATING
}
