package org.tongban.engine.calendar;

/** 红黄绿灯: how much of a time limit is left. */
public enum TrafficLight {
    /** 绿灯: comfortable. */
    GREEN,
    /** 黄灯: nearly due, less than the threshold share of the working time is left. */
    YELLOW,
    /** 红灯: overdue (逾期). */
    RED;

    /**
     * The light for a remaining share of working time (1 = untouched, 0 = used up).
     *
     * @throws IllegalArgumentException when the threshold is not between 0 and 1
     */
    public static TrafficLight of(double remainingShare, boolean overdue, double yellowThreshold) {
        if (!(yellowThreshold >= 0 && yellowThreshold <= 1)) {
            throw new IllegalArgumentException("The yellow threshold must be between 0 and 1: " + yellowThreshold);
        }
        if (overdue) {
            return RED;
        }
        return remainingShare < yellowThreshold ? YELLOW : GREEN;
    }
}
