package org.tongban.engine.matter;

/** What a matter says happens when its 容缺 (pending) materials are still missing at their deadline. */
public enum PendingMaterialsExpiry {
    /** 容缺逾期: the window's clerks and leaders and the supervisors are told; the case goes on. */
    ESCALATE,
    /** 终止办理: the case is refused (不予受理) and its process ended; the applicant is told. */
    REFUSE
}
