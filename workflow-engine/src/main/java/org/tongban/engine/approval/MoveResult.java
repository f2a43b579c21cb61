package org.tongban.engine.approval;

import java.util.List;

/** Where a send-back or withdraw put the process: the step restarted and its new task(s). */
public record MoveResult(String activityId, String stepName, List<String> taskIds) {
}
