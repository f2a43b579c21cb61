package org.tongban.engine.designer;

import java.time.Instant;

/**
 * An open incident: a job that failed out of retries (or another incident type), with its error, the activity,
 * the case it belongs to ({@code processInstanceId}, {@code businessKey}) and the job to retry.
 */
public record IncidentView(String id, String type, String message, String activityId, String processInstanceId,
                           String businessKey, String processDefinitionId, String processKey, Integer processVersion,
                           String jobId, Integer retries, Instant createdAt) {
}
