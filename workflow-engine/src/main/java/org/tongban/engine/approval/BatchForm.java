package org.tongban.engine.approval;

import java.util.List;

/** 批量审批: the same decision and opinion on each task. */
public record BatchForm(List<String> taskIds, String decision, String opinion) {

    public BatchForm {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
}
