package org.tongban.engine.approval;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineExceptions;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The workbench and the basic task operations, for any process. Authorisation is checked here, so every
 * adapter (REST, WebSocket, batch) gets it: a person sees and acts on a task assigned to them or offered to a
 * group they belong to; any other task does not exist for them.
 */
@Service
public class ApprovalService {

    private static final int MAX_PAGE_SIZE = 100;

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final DirectoryService directory;
    private final Map<String, TaskHandler> handlers;
    private final DeadlineService deadlines;

    public ApprovalService(TaskService taskService, RepositoryService repositoryService, RuntimeService runtimeService,
                           DirectoryService directory, List<TaskHandler> handlers, DeadlineService deadlines) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::processKey, Function.identity()));
        this.deadlines = deadlines;
    }

    /** 待办: tasks assigned to the actor or offered to their groups, newest first. */
    @Transactional(readOnly = true)
    public TaskPage todo(Actor actor, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        TaskQuery query = todoQuery(actor);
        long total = query.count();
        List<Task> tasks = todoQuery(actor).orderByTaskCreateTime().desc().orderByTaskId().desc()
                .listPage(page * size, size);
        return new TaskPage(views(tasks), total, page, size);
    }

    /** One task the actor may see. */
    @Transactional(readOnly = true)
    public TaskView task(Actor actor, String taskId) {
        Task task = visibleTask(actor, taskId);
        return views(List.of(task)).get(0);
    }

    /** 签收: takes an offered task; a task someone else holds is a conflict. */
    @Transactional
    public TaskView claim(Actor actor, String taskId) {
        Task task = visibleTask(actor, taskId);
        takeOver(actor, task);
        return task(actor, taskId);
    }

    /**
     * 办理: completes the task with a decision and an opinion. The business side is written by the process's
     * handler in the same transaction; a racing second completion fails with a conflict and changes nothing.
     */
    @Transactional
    public void complete(Actor actor, String taskId, CompletionForm form) {
        Task task = visibleTask(actor, taskId);
        TaskContext context = context(task, identityLinks(task.getId()));
        TaskHandler handler = handler(context.processKey());
        List<String> allowed = handler.decisions(context.activityId());
        if (!allowed.isEmpty() && (form.decision() == null || !allowed.contains(form.decision()))) {
            throw new InvalidInputException("「" + task.getName() + "」的办理决定必须是 " + allowed + " 之一",
                    Map.of("decision", "必须是 " + allowed + " 之一"));
        }
        try {
            takeOver(actor, task);
            Map<String, Object> variables = handler.complete(context, actor, form);
            taskService.complete(taskId, variables);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
    }

    private void takeOver(Actor actor, Task task) {
        if (actor.username().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new ConflictException("该任务已被 " + displayName(task.getAssignee()) + " 签收");
        }
        try {
            taskService.claim(task.getId(), actor.username());
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
    }

    private Task visibleTask(Actor actor, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !(actor.username().equals(task.getAssignee())
                || offeredTo(actor, identityLinks(taskId)))) {
            throw new NotFoundException("任务不存在或无权查看：" + taskId);
        }
        return task;
    }

    private static boolean offeredTo(Actor actor, List<IdentityLink> links) {
        Set<String> groups = actor.groups();
        return links.stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                && (groups.contains(l.getGroupId()) || actor.username().equals(l.getUserId())));
    }

    private TaskQuery todoQuery(Actor actor) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (actor.groups().isEmpty()) {
            return query.taskAssignee(actor.username());
        }
        return query.or()
                .taskAssignee(actor.username())
                .taskCandidateUser(actor.username())
                .taskCandidateGroupIn(List.copyOf(actor.groups()))
                .endOr();
    }

    private List<IdentityLink> identityLinks(String taskId) {
        return taskService.getIdentityLinksForTask(taskId);
    }

    private TaskContext context(Task task, List<IdentityLink> links) {
        String businessKey = businessKeys(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        return new TaskContext(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(), task.getExecutionId(),
                businessKey, department(links), task.getAssignee());
    }

    /** The department a task is offered to: the department part of its first candidate group. */
    private static String department(List<IdentityLink> links) {
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId().split(":")[0])
                .findFirst().orElse(null);
    }

    private String processKey(String processDefinitionId) {
        // served from the engine's deployment cache
        return repositoryService.getProcessDefinition(processDefinitionId).getKey();
    }

    private Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list()
                .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
        return keys;
    }

    private TaskHandler handler(String processKey) {
        TaskHandler handler = handlers.get(processKey);
        if (handler == null) {
            throw new IllegalStateException("No TaskHandler for process " + processKey);
        }
        return handler;
    }

    private List<TaskView> views(List<Task> tasks) {
        Map<String, String> businessKeys = businessKeys(tasks.stream().map(Task::getProcessInstanceId).toList());
        Map<String, String> processKeys = tasks.stream().map(Task::getProcessDefinitionId).distinct()
                .collect(Collectors.toMap(Function.identity(), this::processKey));
        // one subject look-up per process, not per task
        Map<String, Map<String, Subject>> subjects = tasks.stream()
                .collect(Collectors.groupingBy(t -> processKeys.get(t.getProcessDefinitionId()),
                        Collectors.mapping(t -> businessKeys.get(t.getProcessInstanceId()), Collectors.toSet())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> handler(e.getKey()).subjects(e.getValue())));
        Map<String, Department> departments = directory.departmentsByCode();
        Map<String, String> names = directory.displayNames(tasks.stream().map(Task::getAssignee)
                .filter(a -> a != null).collect(Collectors.toSet()));
        Map<String, TrafficLight> lights = deadlines.lightsOfTasks(tasks.stream().map(Task::getId).toList());
        return tasks.stream().map(task -> {
            String processKey = processKeys.get(task.getProcessDefinitionId());
            String department = department(identityLinks(task.getId()));
            Department dept = department == null ? null : departments.get(department);
            return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
                    subjects.get(processKey).get(businessKeys.get(task.getProcessInstanceId())),
                    department, dept == null ? null : dept.name(), task.getAssignee(),
                    task.getAssignee() == null ? null : names.getOrDefault(task.getAssignee(), task.getAssignee()),
                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    handler(processKey).decisions(task.getTaskDefinitionKey()), lights.get(task.getId()));
        }).toList();
    }

    private String displayName(String username) {
        return directory.displayNames(List.of(username)).getOrDefault(username, username);
    }
}
