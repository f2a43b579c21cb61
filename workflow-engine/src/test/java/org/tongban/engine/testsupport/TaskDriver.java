package org.tongban.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;

/** Finds and completes tasks of any process by what they are about, as named people of the demo city. */
public class TaskDriver {

    private final ApprovalService approvals;
    private final DirectoryService directory;

    public TaskDriver(ApprovalService approvals, DirectoryService directory) {
        this.approvals = approvals;
        this.directory = directory;
    }

    public Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

    /** The tasks of {@code activityId} of the process {@code processKey} about subject {@code subjectId}. */
    public List<TaskView> tasks(String username, String processKey, long subjectId, String activityId) {
        return approvals.todo(actor(username), 0, 100).items().stream()
                .filter(t -> t.processKey().equals(processKey) && t.subject() != null && t.subject().id() == subjectId
                        && t.activityId().equals(activityId))
                .toList();
    }

    /** The one such task. */
    public TaskView task(String username, String processKey, long subjectId, String activityId) {
        List<TaskView> found = tasks(username, processKey, subjectId, activityId);
        assertThat(found).as("%s's %s task on %s %d", username, activityId, processKey, subjectId).hasSize(1);
        return found.get(0);
    }

    public void complete(String username, String processKey, long subjectId, String activityId, String decision,
                         String opinion) {
        approvals.complete(actor(username), task(username, processKey, subjectId, activityId).id(),
                CompletionForm.of(decision, opinion));
    }
}
