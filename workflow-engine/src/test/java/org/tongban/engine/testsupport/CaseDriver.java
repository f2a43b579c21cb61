package org.tongban.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;

/** Drives cases through the services as named people of the demo city. */
public class CaseDriver {

    private final ApprovalService approvals;
    private final DirectoryService directory;

    public CaseDriver(ApprovalService approvals, DirectoryService directory) {
        this.approvals = approvals;
        this.directory = directory;
    }

    public Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

    /** The one task of {@code activityId} on the case in {@code username}'s todo list. */
    public TaskView task(String username, long caseId, String activityId) {
        List<TaskView> found = approvals.todo(actor(username), 0, 100).items().stream()
                .filter(t -> t.subject() != null && t.subject().id() == caseId && t.activityId().equals(activityId))
                .toList();
        assertThat(found).as("%s's %s task on case %d", username, activityId, caseId).hasSize(1);
        return found.get(0);
    }

    /** Completes {@code username}'s task of {@code activityId} on the case. */
    public void complete(String username, long caseId, String activityId, String decision, String opinion) {
        approvals.complete(actor(username), task(username, caseId, activityId).id(),
                CompletionForm.of(decision, opinion));
    }
}
