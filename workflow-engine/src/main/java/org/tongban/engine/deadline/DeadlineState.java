package org.tongban.engine.deadline;

/** Where a clock stands. */
public enum DeadlineState {
    /** 计时中 */
    RUNNING,
    /** 暂停: 补正, the applicant's time does not count. */
    PAUSED,
    /** 办结: stopped with a result, on time or late. */
    CLOSED,
    /** 取消: the work was cancelled; left out of on-time rates. */
    CANCELLED;

    public boolean isOpen() {
        return this == RUNNING || this == PAUSED;
    }
}
