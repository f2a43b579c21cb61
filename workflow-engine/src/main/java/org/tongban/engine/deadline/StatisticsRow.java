package org.tongban.engine.deadline;

/**
 * Statistics of one group for a period. {@code finished}: clocks closed (or, by step, steps completed) in the
 * period; {@code onTime} and {@code late} of those with a deadline; {@code onTimeRate} = onTime / (onTime + late)
 * (按期办结率, null without any); {@code openOverdue}: still open and past the deadline now; handling time in working
 * hours (office hours on working days, pauses left out), average and 90th percentile (nearest rank).
 */
public record StatisticsRow(String key, String name, long finished, long onTime, long late, Double onTimeRate,
                            long openOverdue, Double averageHours, Double p90Hours) {
}
