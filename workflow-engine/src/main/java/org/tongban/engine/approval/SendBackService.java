package org.tongban.engine.approval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.ActionRecorder;
import org.tongban.engine.approval.internal.ProcessMover;
import org.tongban.engine.approval.internal.StepModels;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.internal.TaskAccess.Accessible;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.ActionRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineExceptions;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * 退回 (send back to an earlier step, with a reason) and 撤回 (the sender takes back a completion while the next step
 * is untouched). Both move the process with {@link ProcessMover}; its Javadoc and the README give the rule for
 * parallel branches and multi-instance steps.
 */
@Service
public class SendBackService {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskAccess access;
    private final ProcessMover mover;
    private final StepModels steps;
    private final ActionRecorder recorder;
    private final ActionMapper actions;
    private final WorkItemMapper items;
    private final DirectoryService directory;

    public SendBackService(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                           TaskAccess access, ProcessMover mover, StepModels steps, ActionRecorder recorder,
                           ActionMapper actions, WorkItemMapper items, DirectoryService directory) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.access = access;
        this.mover = mover;
        this.steps = steps;
        this.recorder = recorder;
        this.actions = actions;
        this.items = items;
        this.directory = directory;
    }

    /** The earlier steps the task can be sent back to. */
    @Transactional(readOnly = true)
    public List<EarlierStep> targets(Actor actor, String taskId) {
        Accessible accessible = access.visible(actor, taskId);
        List<HistoricActivityInstance> earlier = mover.earlierSteps(accessible.task());
        Map<String, String> names = directory.displayNames(earlier.stream().map(HistoricActivityInstance::getAssignee)
                .filter(a -> a != null).collect(Collectors.toSet()));
        return earlier.stream().map(h -> new EarlierStep(h.getActivityId(), h.getActivityName(), h.getAssignee(),
                h.getAssignee() == null ? null : names.getOrDefault(h.getAssignee(), h.getAssignee()),
                h.getEndTime().toInstant())).toList();
    }

    /** 退回: cancels the task (and what else follows the target) and starts the target step again. */
    @Transactional
    public MoveResult sendBack(Actor actor, String taskId, SendBackForm form) {
        Accessible accessible = access.lockForAction(actor, taskId);
        Task task = accessible.task();
        if (accessible.delegated()) {
            throw new ConflictException("该任务正在委派中，待其办毕返回后才能退回");
        }
        if (form.reason() == null) {
            throw new InvalidInputException("退回必须写明理由", Map.of("reason", "必填"));
        }
        if (form.reason().length() > 2000) {
            throw new InvalidInputException("退回理由过长", Map.of("reason", "至多 2000 字"));
        }
        List<String> created;
        try {
            access.takeOver(actor, accessible);
            created = mover.execute(mover.planSendBack(task, form.targetActivityId()));
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        String stepName = steps.name(task.getProcessDefinitionId(), form.targetActivityId());
        recorder.record(accessible.context(), Operation.SEND_BACK, actor, List.of(form.targetActivityId()), stepName,
                null, form.reason());
        return new MoveResult(form.targetActivityId(), stepName, created);
    }

    /**
     * 撤回: the person who completed {@code taskId} takes it back while every task that completion created is still
     * open and untouched (nobody claimed, transferred, delegated or decided it); otherwise 409.
     */
    @Transactional
    public MoveResult withdraw(Actor actor, String taskId, OpinionForm form) {
        ActionRow completion = taskId == null ? null : actions.findCompletion(taskId);
        if (completion == null || !(actor.username().equals(completion.actor()) || actor.hasRole(Role.ADMIN))) {
            throw new NotFoundException("没有可撤回的办理记录：" + taskId);
        }
        List<String> successorIds = actions.findSuccessors(taskId);
        // hold the next step's tasks (in a fixed order), so nobody claims or completes them while we look
        successorIds.stream().sorted().forEach(id -> {
            if (items.lockItem(id) == null) {
                throw new ConflictException("下一步已办理或流程已向前推进，无法撤回");
            }
        });
        List<Task> successors = successorIds.isEmpty() ? List.of()
                : taskService.createTaskQuery().taskIdIn(successorIds.toArray(String[]::new)).list();
        if (successors.isEmpty() || successors.size() != successorIds.size()) {
            throw new ConflictException("下一步已办理或流程已向前推进，无法撤回");
        }
        if (actions.countActionsOn(successorIds) > 0 || successors.stream().anyMatch(t -> t.getOwner() != null)) {
            throw new ConflictException("下一步已被签收或处理，无法撤回");
        }
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        HistoricActivityInstance doneActivity = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(done.getProcessInstanceId()).activityId(done.getTaskDefinitionKey()).list().stream()
                .filter(h -> taskId.equals(h.getTaskId())).findFirst()
                .orElseThrow(() -> new ConflictException("找不到该办理记录的流程位置，无法撤回"));
        String department = departmentOf(successors);
        List<String> created;
        try {
            created = mover.execute(mover.planWithdraw(done.getProcessInstanceId(), done.getProcessDefinitionId(),
                    doneActivity, successors, completion.actor()));
            actions.deleteSuccessors(taskId);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(done.getProcessInstanceId()).singleResult();
        TaskContext context = new TaskContext(taskId, done.getName(), done.getTaskDefinitionKey(),
                completion.processKey(), done.getProcessInstanceId(), null,
                instance == null ? null : instance.getBusinessKey(), department, completion.actor(), null);
        recorder.record(context, Operation.WITHDRAW, actor, List.of(done.getTaskDefinitionKey()), done.getName(), null,
                form.opinion());
        return new MoveResult(done.getTaskDefinitionKey(), done.getName(), created);
    }

    /** The department of the withdrawn step, when it was a department's (all successors in one department). */
    private String departmentOf(List<Task> successors) {
        Set<String> departments = successors.stream()
                .map(t -> TaskAccess.department(taskService.getIdentityLinksForTask(t.getId())))
                .collect(Collectors.toSet());
        return departments.size() == 1 ? departments.iterator().next() : null;
    }
}
