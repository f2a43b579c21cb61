package org.tongban.engine.designer;

import java.util.List;

/**
 * One version's diagram with, per activity, the running cases waiting there, failed jobs and open incidents,
 * the finished passes and their average duration (milliseconds) — the heatmap overlay of the monitoring screen.
 */
public record ProcessHeatmap(String processDefinitionId, String processKey, int version, String xml,
                             long runningCases, List<ActivityStats> activities) {

    /** The numbers of one activity; {@code averageMillis} is null when none has finished yet. */
    public record ActivityStats(String activityId, String activityName, long running, long failedJobs,
                                long incidents, long finished, Long averageMillis) {
    }
}
