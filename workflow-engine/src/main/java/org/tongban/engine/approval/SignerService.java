package org.tongban.engine.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.ActionRecorder;
import org.tongban.engine.approval.internal.ActivityTree;
import org.tongban.engine.approval.internal.StepModels;
import org.tongban.engine.approval.internal.StepModels.SignStep;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.internal.TaskAccess.Accessible;
import org.tongban.engine.approval.internal.TaskAccess.Relation;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineExceptions;
import org.tongban.engine.platform.InvalidInputException;

/**
 * 加签 / 减签: changes the signers of a running sign step, from one of its signers' tasks.
 *
 * <p>Parallel steps (会签, 或签): an added signer gets a new inner instance of the running multi-instance body
 * ({@code startBeforeActivity(step, body)} with the element variable set locally), a removed signer's open task
 * is cancelled ({@code cancelActivityInstance}); the engine keeps {@code nrOfInstances}/{@code nrOfActiveInstances}
 * right. Removing the last open signer is refused: with no instance left to complete, the body would never end.
 *
 * <p>Sequential steps (依次): the engine reads the signer list again before each signer and ends the step when
 * {@code loopCounter + 1 == nrOfInstances}, so added signers are inserted into the list right after the current one
 * and {@code nrOfInstances} grows with them; only later signers can be removed, shrinking both. (The traps flowable
 * #787/#2036 describe — a list read once, counters not moved, insertion behind the loop counter — are each avoided
 * and tested.)
 *
 * <p>Both keep the step's signer list variable in step, so it always names the signers of the running round.
 */
@Service
public class SignerService {

    private static final int MAX_ADDED = 20;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TaskAccess access;
    private final StepModels steps;
    private final ActionRecorder recorder;
    private final DirectoryService directory;

    public SignerService(RuntimeService runtimeService, TaskService taskService, TaskAccess access, StepModels steps,
                         ActionRecorder recorder, DirectoryService directory) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.access = access;
        this.steps = steps;
        this.recorder = recorder;
        this.directory = directory;
    }

    /** The signers of the sign step the task belongs to. */
    @Transactional(readOnly = true)
    public SignersView signers(Actor actor, String taskId) {
        Accessible accessible = access.visible(actor, taskId);
        return view(step(accessible));
    }

    /** 加签: adds signers to the task's sign step. */
    @Transactional
    public SignersView addSigners(Actor actor, String taskId, SignersForm form) {
        Running step = step(mayChange(actor, taskId));
        if (form.usernames().isEmpty() || form.usernames().size() > MAX_ADDED) {
            throw new InvalidInputException("请选择 1 到 " + MAX_ADDED + " 位加签人", Map.of("usernames", "1 到 " + MAX_ADDED + " 人"));
        }
        if (Set.copyOf(form.usernames()).size() != form.usernames().size()) {
            throw new InvalidInputException("加签人重复", Map.of("usernames", "不能重复"));
        }
        List<Actor> added = new ArrayList<>();
        for (String username : form.usernames()) {
            Actor person = directory.findActor(username).orElseThrow(() ->
                    new InvalidInputException("加签人不存在或已停用：" + username, Map.of("usernames", username + " 不存在")));
            if (step.signers().contains(username)) {
                throw new ConflictException(person.displayName() + " 已是本步骤的签署人");
            }
            added.add(person);
        }
        List<String> signers = new ArrayList<>(step.signers());
        try {
            if (step.sign().mode() == SignMode.SEQUENTIAL) {
                int next = loopCounter(step) + 1;
                signers.addAll(next, form.usernames());
                runtimeService.setVariableLocal(step.bodyExecutionId(), "nrOfInstances",
                        nrOfInstances(step) + added.size());
            } else {
                for (String username : form.usernames()) {
                    runtimeService.createProcessInstanceModification(step.task().getProcessInstanceId())
                            .startBeforeActivity(step.sign().activityId(), step.body().getId())
                            .setVariableLocal(step.sign().elementVariable(), username)
                            .execute();
                }
                signers.addAll(form.usernames());
            }
            runtimeService.setVariable(step.bodyExecutionId(), step.sign().collectionVariable(), signers);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        recorder.record(step.accessible().context(), Operation.ADD_SIGNER, actor, form.usernames(),
                added.stream().map(Actor::displayName).collect(Collectors.joining("、")), null, form.opinion());
        return view(step(access.visible(actor, taskId)));
    }

    /** 减签: removes a signer who has not decided yet from the task's sign step. */
    @Transactional
    public SignersView removeSigner(Actor actor, String taskId, String username, OpinionForm form) {
        Running step = step(mayChange(actor, taskId));
        if (!step.signers().contains(username)) {
            throw new InvalidInputException(username + " 不是本步骤的签署人", Map.of("username", "不是签署人"));
        }
        if (username.equals(actor.username())) {
            throw new InvalidInputException("不能减去自己", Map.of("username", "不能是自己"));
        }
        String name = access.name(username);
        List<String> signers = new ArrayList<>(step.signers());
        try {
            if (step.sign().mode() == SignMode.SEQUENTIAL) {
                int index = signers.indexOf(username);
                int current = loopCounter(step);
                if (index <= current) {
                    throw new ConflictException(name + (index == current ? " 正在办理，不能减签（可转办）" : " 已签署，不能减签"));
                }
                signers.remove(index);
                runtimeService.setVariableLocal(step.bodyExecutionId(), "nrOfInstances", nrOfInstances(step) - 1);
            } else {
                List<Task> open = openSignerTasks(step);
                Task removed = open.stream().filter(t -> username.equals(t.getAssignee())).findFirst()
                        .orElseThrow(() -> new ConflictException(name + " 已签署，不能减签"));
                if (open.size() < 2) {
                    throw new ConflictException("不能减去最后一位未签署的签署人");
                }
                ActivityInstance instance = ActivityTree.pathTo(
                        runtimeService.getActivityInstance(removed.getProcessInstanceId()), removed).stream()
                        .reduce((a, b) -> b).orElseThrow(() -> new ConflictException(name + " 的任务刚刚结束，请刷新"));
                runtimeService.createProcessInstanceModification(removed.getProcessInstanceId())
                        .cancelActivityInstance(instance.getId()).execute();
                signers.remove(username);
            }
            runtimeService.setVariable(step.bodyExecutionId(), step.sign().collectionVariable(), signers);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
        recorder.record(step.accessible().context(), Operation.REMOVE_SIGNER, actor, List.of(username), name, null,
                form.opinion());
        return view(step(access.visible(actor, taskId)));
    }

    /** A running sign step as seen from one of its tasks. */
    private record Running(Accessible accessible, SignStep sign, ActivityInstance body, List<String> signers) {

        Task task() {
            return accessible.task();
        }

        String bodyExecutionId() {
            return body.getExecutionIds()[0];
        }
    }

    private Accessible mayChange(Actor actor, String taskId) {
        Accessible accessible = access.lockForAction(actor, taskId);
        if (accessible.relation() == Relation.CANDIDATE) {
            throw new ConflictException("只有本步骤的签署人可以加签、减签");
        }
        if (accessible.delegated()) {
            throw new ConflictException("该任务正在委派中，不能加签、减签");
        }
        return accessible;
    }

    private Running step(Accessible accessible) {
        Task task = accessible.task();
        SignStep sign = steps.signStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                .orElseThrow(() -> new ConflictException("「" + task.getName() + "」不是会签、或签或依次审批步骤"));
        if (sign.collectionVariable() == null) {
            throw new ConflictException("「" + task.getName() + "」的签署人由模型计算，不能加签、减签");
        }
        List<ActivityInstance> path = ActivityTree.pathTo(runtimeService.getActivityInstance(task.getProcessInstanceId()), task);
        ActivityInstance body = ActivityTree.body(path, sign.activityId())
                .orElseThrow(() -> new ConflictException("该任务刚刚结束，请刷新"));
        Object list = runtimeService.getVariable(body.getExecutionIds()[0], sign.collectionVariable());
        List<String> signers = list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new Running(accessible, sign, body, signers);
    }

    private SignersView view(Running step) {
        Map<String, String> names = directory.displayNames(Set.copyOf(step.signers()));
        Set<String> open = openSignerTasks(step).stream().map(Task::getAssignee).collect(Collectors.toCollection(LinkedHashSet::new));
        int current = step.sign().mode() == SignMode.SEQUENTIAL ? loopCounter(step) : -1;
        List<SignersView.Signer> signers = new ArrayList<>();
        for (int i = 0; i < step.signers().size(); i++) {
            String username = step.signers().get(i);
            String state = open.contains(username) ? "PENDING" : current >= 0 && i > current ? "WAITING" : "SIGNED";
            signers.add(new SignersView.Signer(username, names.getOrDefault(username, username), state));
        }
        return new SignersView(step.sign().activityId(), step.task().getName(), step.sign().mode(), signers);
    }

    private List<Task> openSignerTasks(Running step) {
        Set<String> executions = ActivityTree.all(step.body()).stream()
                .flatMap(a -> java.util.Arrays.stream(a.getExecutionIds())).collect(Collectors.toSet());
        return taskService.createTaskQuery().processInstanceId(step.task().getProcessInstanceId())
                .taskDefinitionKey(step.sign().activityId()).list().stream()
                .filter(t -> executions.contains(t.getExecutionId())).toList();
    }

    private int loopCounter(Running step) {
        return ((Number) runtimeService.getVariableLocal(step.bodyExecutionId(), "loopCounter")).intValue();
    }

    private int nrOfInstances(Running step) {
        return ((Number) runtimeService.getVariableLocal(step.bodyExecutionId(), "nrOfInstances")).intValue();
    }
}
