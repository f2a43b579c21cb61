package org.tongban.engine.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineExceptions;
import org.tongban.engine.platform.NotFoundException;

/**
 * Who may see and act on a task, checked against the engine on every call: the assignee; the owner of a task
 * they delegated (see only); a candidate (user or {@code department:role} group); a stand-in the task was granted
 * to while its person is away (代理); an admin. Anyone else gets "not found", never data.
 */
@Component
public class TaskAccess {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Why the actor may see the task. */
    public enum Relation { ASSIGNEE, OWNER, CANDIDATE, PROXY, ADMIN }

    /** A task the actor may see, how, and its context for handlers. */
    public record Accessible(Task task, List<IdentityLink> links, Relation relation, TaskContext context) {

        public boolean delegated() {
            return task.getDelegationState() == DelegationState.PENDING;
        }

        /** The person a stand-in acts for, else null. */
        public String onBehalfOf() {
            return context.onBehalfOf();
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final WorkItemMapper items;
    private final DirectoryService directory;
    private final Clock clock;

    TaskAccess(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
               WorkItemMapper items, DirectoryService directory, Clock clock) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.items = items;
        this.directory = directory;
        this.clock = clock;
    }

    /** The task, if the actor may see it; otherwise "not found". */
    public Accessible visible(Actor actor, String taskId) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw notFound(taskId);
        }
        List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
        String me = actor.username();
        Relation relation = null;
        String onBehalfOf = null;
        if (me.equals(task.getAssignee())) {
            relation = Relation.ASSIGNEE;
        } else if (me.equals(task.getOwner()) && task.getDelegationState() == DelegationState.PENDING) {
            relation = Relation.OWNER;
        } else if (offeredTo(actor, links)) {
            relation = Relation.CANDIDATE;
        } else {
            String principal = items.findProxyPrincipal(taskId, Principals.user(me), today());
            if (principal != null && (task.getAssignee() == null || principal.equals(task.getAssignee()))) {
                relation = Relation.PROXY;
                onBehalfOf = principal;
            } else if (actor.hasRole(Role.ADMIN)) {
                relation = Relation.ADMIN;
            }
        }
        if (relation == null) {
            throw notFound(taskId);
        }
        return new Accessible(task, links, relation, context(task, links, onBehalfOf));
    }

    /**
     * The task, if the actor may act on it now. The owner of a delegated task waits for it to come back; the
     * person it was delegated to resolves it rather than completing it.
     */
    public Accessible actionable(Actor actor, String taskId) {
        Accessible accessible = visible(actor, taskId);
        if (accessible.relation() == Relation.OWNER) {
            throw new ConflictException("该任务已委派给 " + name(accessible.task().getAssignee())
                    + "，待其办毕返回后再办理");
        }
        return accessible;
    }

    /**
     * {@link #actionable} under the task's lock: checks, waits for any other operation on the same task to finish,
     * then checks again against the state that operation left. So of two racing operations exactly one acts; the
     * other sees the changed task (claimed by someone else, transferred, completed) and gets 409. The engine alone
     * would not always tell: completing a task does not check who holds it, and under READ COMMITTED a completion
     * can follow a transfer that committed a moment earlier. Must run in the caller's transaction.
     */
    public Accessible lockForAction(Actor actor, String taskId) {
        actionable(actor, taskId);
        lock(taskId);
        return actionable(actor, taskId);
    }

    /** {@link #visible} under the task's lock (see {@link #lockForAction}). */
    public Accessible lockVisible(Actor actor, String taskId) {
        visible(actor, taskId);
        lock(taskId);
        return visible(actor, taskId);
    }

    /** Locks the open task's read-model row for the rest of the transaction; 409 when it ended meanwhile. */
    public void lock(String taskId) {
        if (items.lockItem(taskId) == null && taskService.createTaskQuery().taskId(taskId).count() == 0) {
            throw new ConflictException("该任务刚被他人办理或已结束，请刷新");
        }
    }

    /**
     * Makes the actor the one working on the task: claims an offered task (a stand-in claims it for themself),
     * and refuses a task someone else holds. An assignee's stand-in and an admin act without taking it over.
     */
    public void takeOver(Actor actor, Accessible accessible) {
        Task task = accessible.task();
        String assignee = task.getAssignee();
        if (actor.username().equals(assignee)) {
            return;
        }
        if (assignee != null && (accessible.relation() == Relation.ADMIN
                || (accessible.relation() == Relation.PROXY && assignee.equals(accessible.onBehalfOf())))) {
            return;
        }
        if (assignee != null) {
            throw new ConflictException("该任务已被 " + name(assignee) + " 签收");
        }
        try {
            taskService.claim(task.getId(), actor.username());
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
    }

    public String processKey(String processDefinitionId) {
        // served from the engine's deployment cache
        return repositoryService.getProcessDefinition(processDefinitionId).getKey();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The handler's view of any open task (for operations that are not acting on it, such as 催办). */
    public TaskContext context(Task task) {
        return context(task, taskService.getIdentityLinksForTask(task.getId()), null);
    }

    private TaskContext context(Task task, List<IdentityLink> links, String onBehalfOf) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return new TaskContext(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(), task.getExecutionId(),
                instance == null ? null : instance.getBusinessKey(), department(links), task.getAssignee(), onBehalfOf);
    }

    /** The department a task is offered to: that of its first candidate group (sorted, so it is stable). */
    public static String department(List<IdentityLink> links) {
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted()
                .map(g -> g.split(":")[0]).findFirst().orElse(null);
    }

    private static boolean offeredTo(Actor actor, List<IdentityLink> links) {
        Set<String> groups = actor.groups();
        return links.stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                && (groups.contains(l.getGroupId()) || actor.username().equals(l.getUserId())));
    }

    public String name(String username) {
        return username == null ? null : directory.displayNames(List.of(username)).getOrDefault(username, username);
    }

    private static NotFoundException notFound(String taskId) {
        return new NotFoundException("任务不存在或无权查看：" + taskId);
    }
}
