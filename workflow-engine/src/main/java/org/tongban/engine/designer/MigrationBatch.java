package org.tongban.engine.designer;

import java.util.List;

/**
 * Progress of a migration. For a batch, jobs are counted as Camunda counts them (one job per case by default);
 * {@code failures} are the error messages of failed jobs. A migration run at once has no batch id and is done.
 */
public record MigrationBatch(String batchId, int totalJobs, int completedJobs, int failedJobs, int remainingJobs,
                             boolean done, List<String> failures) {
}
