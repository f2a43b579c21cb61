package org.tongban.engine.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.ActionRecorder;
import org.tongban.engine.approval.internal.Handlers;
import org.tongban.engine.approval.internal.StepModels;
import org.tongban.engine.approval.internal.StepModels.SignStep;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.internal.TaskAccess.Accessible;
import org.tongban.engine.approval.internal.TaskAccess.Relation;
import org.tongban.engine.approval.internal.TaskCompleter;
import org.tongban.engine.approval.internal.TaskViews;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineExceptions;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The basic task operations, for any process: read, 签收 claim, 办理 complete with a decision and an opinion,
 * 转办 transfer, 委派 delegate and its return (resolve). Authorisation is checked here ({@link TaskAccess}), so
 * every adapter gets it; every operation is recorded in the action log and on the process's timeline.
 */
@Service
public class ApprovalService {

    private final TaskService taskService;
    private final TaskAccess access;
    private final ActionRecorder recorder;
    private final StepModels steps;
    private final Handlers handlers;
    private final TaskViews views;
    private final WorkItemMapper items;
    private final ActionMapper actions;
    private final DirectoryService directory;
    private final WorkbenchService workbench;
    private final SignerService signers;
    private final TaskCompleter completer;

    public ApprovalService(TaskService taskService, TaskAccess access, ActionRecorder recorder, StepModels steps,
                           Handlers handlers, TaskViews views, WorkItemMapper items, ActionMapper actions,
                           DirectoryService directory, WorkbenchService workbench, SignerService signers,
                           TaskCompleter completer) {
        this.taskService = taskService;
        this.access = access;
        this.recorder = recorder;
        this.steps = steps;
        this.handlers = handlers;
        this.views = views;
        this.items = items;
        this.actions = actions;
        this.directory = directory;
        this.workbench = workbench;
        this.signers = signers;
        this.completer = completer;
    }

    /** 待办: tasks assigned to the actor, offered to their groups, delegated by them, or proxied to them; newest first. */
    @Transactional(readOnly = true)
    public TaskPage todo(Actor actor, int page, int size) {
        return workbench.todo(actor, WorkbenchQuery.page(page, size));
    }

    /** One task the actor may see. */
    @Transactional(readOnly = true)
    public TaskView task(Actor actor, String taskId) {
        Accessible accessible = access.visible(actor, taskId);
        return view(accessible);
    }

    /** 签收: takes an offered task; a task someone else holds is a conflict. */
    @Transactional
    public TaskView claim(Actor actor, String taskId) {
        Accessible accessible = access.lockForAction(actor, taskId);
        if (actor.username().equals(accessible.task().getAssignee())) {
            return view(accessible);
        }
        if (accessible.task().getAssignee() != null) {
            throw new ConflictException("该任务已被 " + access.name(accessible.task().getAssignee()) + " 签收");
        }
        access.takeOver(actor, accessible);
        recorder.record(accessible.context(), Operation.CLAIM, actor, List.of(), null, null, null);
        return task(actor, taskId);
    }

    /**
     * 办理: completes the task with a decision and an opinion. On a sign step the decision is AGREE or DISAGREE
     * (DISAGREE needs an opinion). The business side is written by the process's handler in the same transaction;
     * a racing second completion fails with a conflict and changes nothing.
     */
    @Transactional
    public void complete(Actor actor, String taskId, CompletionForm form) {
        Accessible accessible = access.lockForAction(actor, taskId);
        Task task = accessible.task();
        if (accessible.delegated()) {
            throw new ConflictException("委派的任务请「办毕返回」给 " + access.name(task.getOwner()) + "，由其办理");
        }
        TaskContext context = accessible.context();
        Optional<SignStep> sign = steps.signStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        List<String> allowed = views.decisions(context.processKey(), sign.map(SignStep::mode).orElse(null),
                context.activityId());
        if (!allowed.isEmpty() && (form.decision() == null || !allowed.contains(form.decision()))) {
            throw new InvalidInputException("「" + task.getName() + "」的办理决定必须是 " + allowed + " 之一",
                    Map.of("decision", "必须是 " + allowed + " 之一"));
        }
        if (sign.isPresent() && SignMode.DISAGREE.equals(form.decision()) && !form.hasOpinion()) {
            throw new InvalidInputException("不同意必须填写意见", Map.of("opinion", "必填"));
        }
        try {
            String claimant = access.claimant(actor, accessible);
            Map<String, Object> variables = new HashMap<>(handlers.of(context.processKey()).complete(context, actor, form));
            sign.ifPresent(s -> variables.put(SignMode.DECISION_VARIABLE, form.decision()));
            // the next step: what this completion created, so the sender can withdraw it while it is untouched
            completer.complete(taskId, claimant, variables).forEach(id -> actions.insertSuccessor(taskId, id));
            recorder.record(context, Operation.COMPLETE, actor, List.of(), null, form.decision(), form.opinion());
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
    }

    /** 转办: hands the task to another person for good. */
    @Transactional
    public TaskView transfer(Actor actor, String taskId, HandoverForm form) {
        Accessible accessible = access.lockForAction(actor, taskId);
        Task task = accessible.task();
        if (accessible.delegated()) {
            throw new ConflictException("该任务正在委派中，待其办毕返回后才能转办");
        }
        Actor target = handoverTarget(form, task);
        try {
            access.takeOver(actor, accessible);
            taskService.setAssignee(taskId, target.username());
            signers.transferred(accessible, task.getAssignee() == null ? actor.username() : task.getAssignee(),
                    target.username());
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        recorder.record(accessible.context(), Operation.TRANSFER, actor, List.of(target.username()),
                target.displayName(), null, form.opinion());
        return view(access.visible(target, taskId));
    }

    /**
     * 委派: someone else works on the task and it comes back (resolve); the owner keeps seeing it meanwhile.
     * The owner is whoever held the task (the person a stand-in acts for, when a stand-in delegates).
     */
    @Transactional
    public TaskView delegate(Actor actor, String taskId, HandoverForm form) {
        Accessible accessible = access.lockForAction(actor, taskId);
        Task task = accessible.task();
        if (accessible.delegated()) {
            throw new ConflictException("该任务已委派给 " + access.name(task.getAssignee()) + "，不能再次委派");
        }
        Actor target = handoverTarget(form, task);
        try {
            access.takeOver(actor, accessible);
            taskService.delegateTask(taskId, target.username());
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        recorder.record(accessible.context(), Operation.DELEGATE, actor, List.of(target.username()),
                target.displayName(), null, form.opinion());
        return view(access.visible(actor, taskId));
    }

    /** 委派办毕: the person a task was delegated to returns it to its owner with their opinion. */
    @Transactional
    public TaskView resolve(Actor actor, String taskId, OpinionForm form) {
        Accessible accessible = access.lockVisible(actor, taskId);
        Task task = accessible.task();
        if (!accessible.delegated()) {
            throw new ConflictException("该任务不在委派中");
        }
        if (accessible.relation() != Relation.ASSIGNEE && accessible.relation() != Relation.ADMIN) {
            throw new ConflictException("只有受委派人 " + access.name(task.getAssignee()) + " 可以办毕返回");
        }
        if (form.opinion() == null) {
            throw new InvalidInputException("请填写办理意见", Map.of("opinion", "必填"));
        }
        try {
            taskService.resolveTask(taskId);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        recorder.record(accessible.context(), Operation.RESOLVE, actor, List.of(task.getOwner()),
                access.name(task.getOwner()), null, form.opinion());
        return view(access.visible(directory.findActor(task.getOwner()).orElse(actor), taskId));
    }

    private Actor handoverTarget(HandoverForm form, Task task) {
        if (form.username() == null || form.username().isEmpty()) {
            throw new InvalidInputException("请选择接收人", Map.of("username", "必填"));
        }
        Actor target = directory.findActor(form.username()).orElseThrow(() ->
                new InvalidInputException("接收人不存在或已停用：" + form.username(), Map.of("username", "不存在")));
        if (target.username().equals(task.getAssignee())) {
            throw new InvalidInputException("任务已在 " + target.displayName() + " 手中", Map.of("username", "不能是当前办理人"));
        }
        if (steps.signStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).isPresent()
                && taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey()).taskAssignee(target.username()).count() > 0) {
            throw new ConflictException(target.displayName() + " 已是本步骤的签署人");
        }
        return target;
    }

    private TaskView view(Accessible accessible) {
        String taskId = accessible.task().getId();
        Map<String, String> onBehalfOf = accessible.onBehalfOf() == null ? Map.of()
                : Map.of(taskId, accessible.onBehalfOf());
        return views.of(items.findTodoRows(List.of(taskId)), onBehalfOf).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("任务不存在或无权查看：" + taskId));
    }
}
