package org.tongban.engine.notification;

/** What a notice is about. */
public enum NotificationType {
    /** 待办: a task assigned to the recipient */
    TASK_ASSIGNED,
    /** 待办: a task offered to the recipient's department and role */
    TASK_OFFERED,
    /** 催办 */
    URGED,
    /** 抄送 */
    COPIED,
    /** 临期 (yellow light): a time limit is nearly used up */
    NEARLY_DUE,
    /** 逾期 (red light): a time limit has passed */
    OVERDUE,
    /** 督办升级: an overdue item reported to a higher leader */
    ESCALATION,
    /** 交办: a supervision sub-item was assigned to a unit */
    ASSIGNED,
    /** 公文分发到本单位 */
    DOCUMENT_DISTRIBUTED,
    /** 督办反馈到期 */
    FEEDBACK_DUE,
    /** 反馈逾期: a periodic supervision feedback was not given in time */
    FEEDBACK_MISSED,
    /** 有人在会话中 @ 了我 */
    MENTIONED,
    /** 必达消息 */
    URGENT_MESSAGE
}
