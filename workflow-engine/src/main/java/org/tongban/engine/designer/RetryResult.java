package org.tongban.engine.designer;

/** The outcome of retrying a failed job now: done, or still failing with the new error. */
public record RetryResult(String jobId, boolean succeeded, String error) {
}
