package org.tongban.engine.testsupport;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;

/** Drives the test models of {@link TestProcesses} through the approval service as demo users. */
public class SignDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApprovalService approvals;
    private final DirectoryService directory;

    public SignDriver(RuntimeService runtime, TaskService tasks, ApprovalService approvals, DirectoryService directory) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.approvals = approvals;
        this.directory = directory;
    }

    public Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

    /** Starts a sign-step model as {@code initiator} and completes the draft. */
    public ProcessInstance drafted(String key, String initiator, String... signers) {
        ProcessInstance process = TestProcesses.startSigning(runtime, key, initiator, signers);
        approvals.complete(actor(initiator), task(process, "draft", initiator).getId(), CompletionForm.of(null, "请审签"));
        return process;
    }

    /** The open task of {@code activityId} assigned to {@code assignee}, or null. */
    public Task task(ProcessInstance process, String activityId, String assignee) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(activityId)
                .taskAssignee(assignee).singleResult();
    }

    public List<Task> tasks(ProcessInstance process, String activityId) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(activityId)
                .orderByTaskCreateTime().asc().list();
    }

    public List<String> assignees(ProcessInstance process, String activityId) {
        return tasks(process, activityId).stream().map(Task::getAssignee).toList();
    }

    public void sign(String signer, ProcessInstance process, String activityId, String decision) {
        approvals.complete(actor(signer), task(process, activityId, signer).getId(),
                CompletionForm.of(decision, "DISAGREE".equals(decision) ? "不同意" : null));
    }
}
