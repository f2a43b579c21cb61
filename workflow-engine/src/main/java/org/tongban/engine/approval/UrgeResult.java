package org.tongban.engine.approval;

import java.time.Instant;
import java.util.List;

/** Whom a 催办 reached (the assignee, or the candidates when nobody has claimed the task) and when the next may be sent. */
public record UrgeResult(List<String> recipients, List<String> recipientNames, Instant nextAllowedAt) {
}
