package org.tongban.engine.approval;

import java.util.List;

/** One page of a task list with the list's total count. */
public record TaskPage(List<TaskView> items, long total, int page, int size) {
}
