package org.tongban.engine.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.persistence.SubjectRow;
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
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final WorkItemMapper items;
    private final DirectoryService directory;
    private final Clock clock;

    TaskAccess(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
               RepositoryService repositoryService, WorkItemMapper items, DirectoryService directory, Clock clock) {
        this.taskService = taskService;
        this.historyService = historyService;
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
            String principal = items.findProxyPrincipal(taskId, Principals.proxy(me), today());
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
        Accessible accessible = visibleToAct(actor, taskId);
        if (accessible.relation() == Relation.OWNER) {
            throw new ConflictException("该任务已委派给 " + name(accessible.task().getAssignee())
                    + "，待其办毕返回后再办理");
        }
        return accessible;
    }

    /**
     * {@link #actionable} under the task's lock: waits for any other operation on the same task to finish, then
     * checks against the state that operation left. So of two racing operations exactly one acts; the other sees the
     * changed task (claimed by someone else, transferred, completed) and gets 409. The engine alone would not always
     * tell: completing a task does not check who holds it, and under READ COMMITTED a completion can follow a
     * transfer that committed a moment earlier. The lock comes first and the checks once, after it: checking before
     * as well would only spare a stranger the wait for a lock they cannot use. Must run in the caller's transaction.
     */
    public Accessible lockForAction(Actor actor, String taskId) {
        waitForOtherOperations(taskId);
        return actionable(actor, taskId);
    }

    /** {@link #visible} under the task's lock (see {@link #lockForAction}). */
    public Accessible lockVisible(Actor actor, String taskId) {
        waitForOtherOperations(taskId);
        return visibleToAct(actor, taskId);
    }

    /**
     * Locks the open task's read-model row for the rest of the transaction. A task that ended meanwhile has no row
     * left: the checks that follow tell a lost race (409) from a wrong id (404).
     */
    private void waitForOtherOperations(String taskId) {
        if (taskId != null) {
            items.lockItem(taskId);
        }
    }

    /**
     * {@link #visible}, but a task the actor could see that ended a moment ago (someone else completed or sent it
     * back) is a lost race, 409, not a wrong id; reading it stays 404.
     */
    private Accessible visibleToAct(Actor actor, String taskId) {
        try {
            return visible(actor, taskId);
        } catch (NotFoundException e) {
            if (taskId != null && taskService.createTaskQuery().taskId(taskId).count() == 0 && wasVisible(actor, taskId)) {
                throw new ConflictException("该任务刚被他人办理或已结束，请刷新");
            }
            throw e;
        }
    }

    /**
     * Makes the actor the one working on the task: claims an offered task (a stand-in claims it for themself),
     * and refuses a task someone else holds. An assignee's stand-in and an admin act without taking it over.
     */
    public void takeOver(Actor actor, Accessible accessible) {
        String claimant = claimant(actor, accessible);
        if (claimant == null) {
            return;
        }
        try {
            taskService.claim(accessible.task().getId(), claimant);
        } catch (RuntimeException e) {
            throw EngineExceptions.translate(e);
        }
    }

    /**
     * Who must claim the task before the actor works on it ({@link #takeOver}): the actor for an offered task, no one
     * when the actor holds it or acts as the holder's stand-in or as admin; a task someone else holds is a conflict.
     */
    public String claimant(Actor actor, Accessible accessible) {
        String assignee = accessible.task().getAssignee();
        if (actor.username().equals(assignee)) {
            return null;
        }
        if (assignee != null && (accessible.relation() == Relation.ADMIN
                || (accessible.relation() == Relation.PROXY && assignee.equals(accessible.onBehalfOf())))) {
            return null;
        }
        if (assignee != null) {
            throw new ConflictException("该任务已被 " + name(assignee) + " 签收");
        }
        return actor.username();
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
        return new TaskContext(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(), task.getExecutionId(),
                businessKey(task.getProcessInstanceId()), department(links), task.getAssignee(), onBehalfOf);
    }

    /**
     * The process instance's business key, from the read model's subject row (one primary-key read; the engine's
     * process instance query joins and costs several times more, and runs on every operation). An instance without
     * a subject row — started before the read model existed — asks the engine.
     */
    private String businessKey(String processInstanceId) {
        SubjectRow subject = items.findSubject(processInstanceId);
        if (subject != null) {
            return subject.businessKey();
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** The department a task is offered to: that of its first candidate group (sorted, so it is stable). */
    public static String department(List<IdentityLink> links) {
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted()
                .map(g -> g.split(":")[0]).findFirst().orElse(null);
    }

    /** Whether the actor could see the task before it ended (its assignee, owner, a candidate, or an admin). */
    private boolean wasVisible(Actor actor, String taskId) {
        if (taskId == null) {
            return false;
        }
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null) {
            return false;
        }
        if (actor.hasRole(Role.ADMIN) || actor.username().equals(done.getAssignee())
                || actor.username().equals(done.getOwner())) {
            return true;
        }
        Set<String> groups = actor.groups();
        return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
                .list().stream().anyMatch(l -> groups.contains(l.getGroupId()) || actor.username().equals(l.getUserId()));
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
