package org.tongban.engine.approval;

import java.time.Instant;

/** 我发起的: a process instance the actor started, running or ended. */
public record StartedItem(String processInstanceId, String processKey, String processName, Subject subject,
                          Instant startedAt, Instant endedAt) {
}
