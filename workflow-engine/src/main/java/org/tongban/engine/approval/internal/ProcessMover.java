package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Moves a running process back to an earlier user task (退回, 撤回) with process instance modification, by one
 * rule that holds for any model:
 *
 * <ol>
 * <li>The target must have completed in a scope that encloses the current position: the same branch (a
 *     department's instance of the parallel review), or further out (the process itself). The deepest such scope
 *     is taken. So from a department's review, that department's handle is its own earlier step, and intake is the
 *     process's.</li>
 * <li>In that scope, every active child that comes after the target in the model (directly or not) is cancelled
 *     — everything that re-running the target will create again, and nothing else: parallel branches that do not
 *     follow the target keep running. Going back to intake thus cancels the whole multi-instance review (all
 *     departments) and dispatch runs again after the resubmission.</li>
 * <li>The target is started in that scope, and its new task goes to the person who did it last (a model-assigned
 *     task keeps the model's assignee).</li>
 * <li>Refused when the path from the target to the current position passes a joining gateway with a branch that
 *     does not follow the target: that branch's token is already consumed, and the join would wait for ever. Going
 *     back to a step before the split is the way then.</li>
 * </ol>
 * Cancellation runs the ended activities' listeners (a department's review is marked cancelled), and the whole move
 * is one engine command in the caller's transaction: it happens entirely or not at all.
 */
@Component
public class ProcessMover {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final StepModels steps;

    ProcessMover(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
                 StepModels steps) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.steps = steps;
    }

    /** A planned move: start {@code activityId} in {@code scope}, cancel the rest, give the task to {@code assignee}. */
    public record Move(String processInstanceId, String activityId, ActivityInstance scope,
                       List<ActivityInstance> cancel, List<TransitionInstance> cancelTransitions, String assignee) {
    }

    /** The steps the task may be sent back to, latest completion per step, most recent first. */
    public List<HistoricActivityInstance> earlierSteps(Task task) {
        List<ActivityInstance> path = path(task);
        Map<String, HistoricActivityInstance> latest = new LinkedHashMap<>();
        for (int i = path.size() - 2; i >= 0; i--) {
            String scopeId = path.get(i).getId();
            String child = StepModels.activityOf(path.get(i + 1).getActivityId());
            finishedUserTasks(task.getProcessInstanceId(), null).stream()
                    .filter(h -> scopeId.equals(h.getParentActivityInstanceId()))
                    .filter(h -> !h.getActivityId().equals(task.getTaskDefinitionKey()))
                    .filter(h -> steps.reachableFrom(task.getProcessDefinitionId(), h.getActivityId()).contains(child))
                    .filter(h -> steps.joinBetween(task.getProcessDefinitionId(), h.getActivityId(), child).isEmpty())
                    .sorted(Comparator.comparing(HistoricActivityInstance::getEndTime).reversed())
                    .forEach(h -> latest.putIfAbsent(h.getActivityId(), h));
        }
        return latest.values().stream().sorted(Comparator.comparing(HistoricActivityInstance::getEndTime).reversed())
                .toList();
    }

    /** 退回 from {@code task} to {@code target}. */
    public Move planSendBack(Task task, String target) {
        if (target == null || target.isEmpty()) {
            throw new InvalidInputException("请选择退回到哪一步", Map.of("targetActivityId", "必填"));
        }
        if (target.equals(task.getTaskDefinitionKey())) {
            throw new InvalidInputException("不能退回到当前步骤", Map.of("targetActivityId", "不能是当前步骤"));
        }
        if (!steps.isUserTask(task.getProcessDefinitionId(), target)) {
            throw new InvalidInputException("只能退回到人工办理的步骤", Map.of("targetActivityId", target + " 不是人工步骤"));
        }
        List<ActivityInstance> path = path(task);
        List<HistoricActivityInstance> done = finishedUserTasks(task.getProcessInstanceId(), target);
        for (int i = path.size() - 2; i >= 0; i--) {
            ActivityInstance scope = path.get(i);
            List<HistoricActivityInstance> inScope = done.stream()
                    .filter(h -> scope.getId().equals(h.getParentActivityInstanceId())).toList();
            if (!inScope.isEmpty()) {
                return plan(task.getProcessInstanceId(), task.getProcessDefinitionId(), target, scope,
                        List.of(path.get(i + 1)), lastAssignee(inScope));
            }
        }
        throw new InvalidInputException("只能退回到本分支或本流程中已办理过的步骤", Map.of("targetActivityId", "不可退回到此步骤"));
    }

    /**
     * 撤回: the completed task {@code done} (historic activity instance) is started again for {@code withdrawer},
     * its successors cancelled.
     */
    public Move planWithdraw(String processInstanceId, String processDefinitionId, HistoricActivityInstance done,
                             List<Task> successors, String withdrawer) {
        ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
        if (root == null) {
            throw new ConflictException("流程已结束，无法撤回");
        }
        ActivityInstance scope = ActivityTree.all(root).stream()
                .filter(a -> a.getId().equals(done.getParentActivityInstanceId())).findFirst()
                .orElseThrow(() -> new ConflictException("流程已越过「" + done.getActivityName() + "」所在的阶段，无法撤回"));
        List<ActivityInstance> children = new ArrayList<>();
        for (Task successor : successors) {
            List<ActivityInstance> path = ActivityTree.pathTo(root, successor);
            int at = path.indexOf(path.stream().filter(a -> a.getId().equals(scope.getId())).findFirst().orElse(null));
            if (at < 0 || at + 1 >= path.size()) {
                throw new ConflictException("流程已越过「" + done.getActivityName() + "」所在的阶段，无法撤回");
            }
            children.add(path.get(at + 1));
        }
        return plan(processInstanceId, processDefinitionId, done.getActivityId(), scope, children, withdrawer);
    }

    /** Carries out the move; returns the new tasks of the restarted step. */
    public List<String> execute(Move move) {
        Set<String> before = openTaskIds(move.processInstanceId());
        ProcessInstanceModificationBuilder modification = runtimeService.createProcessInstanceModification(
                move.processInstanceId());
        // start first: cancelling every child of the process instance first would end it
        if (move.scope().getId().equals(move.processInstanceId())) {
            modification.startBeforeActivity(move.activityId());
        } else {
            modification.startBeforeActivity(move.activityId(), move.scope().getId());
        }
        move.cancel().forEach(a -> modification.cancelActivityInstance(a.getId()));
        move.cancelTransitions().forEach(t -> modification.cancelTransitionInstance(t.getId()));
        modification.execute();
        List<Task> created = taskService.createTaskQuery().processInstanceId(move.processInstanceId())
                .taskDefinitionKey(move.activityId()).list().stream().filter(t -> !before.contains(t.getId())).toList();
        for (Task task : created) {
            if (task.getAssignee() == null && move.assignee() != null) {
                taskService.setAssignee(task.getId(), move.assignee());
            }
        }
        return created.stream().map(Task::getId).toList();
    }

    private Move plan(String processInstanceId, String processDefinitionId, String target, ActivityInstance scope,
                      List<ActivityInstance> current, String assignee) {
        Set<String> after = steps.reachableFrom(processDefinitionId, target);
        for (ActivityInstance child : current) {
            String activity = StepModels.activityOf(child.getActivityId());
            if (!after.contains(activity)) {
                throw new InvalidInputException("「" + steps.name(processDefinitionId, target) + "」不在当前步骤之前",
                        Map.of("targetActivityId", "不在当前步骤之前"));
            }
            Optional<String> join = steps.joinBetween(processDefinitionId, target, activity);
            if (join.isPresent()) {
                throw new ConflictException("退回到「" + steps.name(processDefinitionId, target) + "」会越过汇聚网关 "
                        + join.get() + "，其他分支已办完，将无法再汇聚；请退回到分支开始之前的步骤");
            }
        }
        List<ActivityInstance> cancel = Arrays.stream(scope.getChildActivityInstances())
                .filter(a -> after.contains(StepModels.activityOf(a.getActivityId()))).toList();
        List<TransitionInstance> cancelTransitions = Arrays.stream(scope.getChildTransitionInstances())
                .filter(t -> after.contains(StepModels.activityOf(t.getActivityId()))).toList();
        return new Move(processInstanceId, target, scope, cancel, cancelTransitions, assignee);
    }

    private List<ActivityInstance> path(Task task) {
        ActivityInstance root = runtimeService.getActivityInstance(task.getProcessInstanceId());
        List<ActivityInstance> path = root == null ? List.of() : ActivityTree.pathTo(root, task);
        if (path.isEmpty()) {
            throw new ConflictException("该任务刚刚结束，请刷新");
        }
        return path;
    }

    private List<HistoricActivityInstance> finishedUserTasks(String processInstanceId, String activityId) {
        var query = historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityType("userTask").finished();
        if (activityId != null) {
            query.activityId(activityId);
        }
        return query.list().stream().filter(h -> !h.isCanceled()).toList();
    }

    private static String lastAssignee(List<HistoricActivityInstance> done) {
        return done.stream().max(Comparator.comparing(HistoricActivityInstance::getEndTime))
                .map(HistoricActivityInstance::getAssignee).orElse(null);
    }

    private Set<String> openTaskIds(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream().map(Task::getId)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
