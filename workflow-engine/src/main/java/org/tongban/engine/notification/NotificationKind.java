package org.tongban.engine.notification;

/** Why a notice was sent. */
public enum NotificationKind {
    /** 黄灯预警: a time limit is nearly used up. */
    DEADLINE_WARNING,
    /** 红灯逾期: a time limit has passed. */
    OVERDUE,
    /** 督办升级: an overdue item reported to a higher leader. */
    ESCALATION,
    /** 催办 */
    URGE,
    /** 交办: a supervision sub-item was assigned to a unit. */
    ASSIGNED,
    /** 反馈逾期: a periodic feedback was not given in time. */
    FEEDBACK_MISSED
}
