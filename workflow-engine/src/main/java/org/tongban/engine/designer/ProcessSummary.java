package org.tongban.engine.designer;

import java.time.Instant;
import java.util.List;

/** A process (one key) with its versions, newest first, and the running cases over all of them. */
public record ProcessSummary(String key, String name, int latestVersion, long runningCases, List<Version> versions) {

    /** One deployed version of a process with its running cases and open incidents. */
    public record Version(String id, int version, String name, String deploymentId, Instant deployedAt,
                          String source, long runningCases, long incidents) {
    }
}
