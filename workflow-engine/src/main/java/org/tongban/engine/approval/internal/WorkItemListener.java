package org.tongban.engine.approval.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.TaskDueDateSet;
import org.tongban.engine.approval.persistence.AccessRow;
import org.tongban.engine.approval.persistence.ProxyMapper;
import org.tongban.engine.approval.persistence.ProxyRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.approval.persistence.WorkItemRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;

/**
 * Keeps the todo read model ({@code tb_work_item}, {@code tb_work_access}) in step with the engine. Registered as a
 * built-in listener of every user task of every deployed model (see {@link ApprovalParseListener}), so it runs in
 * the engine command that changes the task, whichever API caused it, and can never be skipped.
 *
 * <p>On creation it also grants the task to the stand-ins of people who are away (代理): a task created while a
 * proxy is in force and meant for its principal (assignee, candidate user, or member of a candidate group) is
 * visible to the stand-in until the task ends or the proxy does.
 */
@Component
public class WorkItemListener implements TaskListener {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final WorkItemMapper items;
    private final ProxyMapper proxies;
    private final DirectoryService directory;
    private final Clock clock;

    WorkItemListener(WorkItemMapper items, ProxyMapper proxies, DirectoryService directory, Clock clock) {
        this.items = items;
        this.proxies = proxies;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> create((TaskEntity) task);
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> refresh((TaskEntity) task);
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> remove(task.getId());
            default -> {
                // timeout: nothing changes in the lists
            }
        }
    }

    private void create(TaskEntity task) {
        if (task.getExecution() == null || items.findItem(task.getId()) != null) {
            return;
        }
        insert(row(task), task.getCandidates());
        CreatedTasks.created(task.getId());
    }

    /** Adds an open task to the read model (also used to backfill tasks older than the read model). */
    void insert(WorkItemRow row, Set<IdentityLink> candidates) {
        items.insertItem(row);
        grantAccess(row, candidates);
        grantProxies(row, candidates);
    }

    /** A due date set by the task's clock during creation: refresh the row if it was written before. */
    @EventListener
    void dueDateSet(TaskDueDateSet event) {
        refresh((TaskEntity) event.task());
    }

    /**
     * Assignee, owner, delegation, due date or name changed: the row and who sees it follow — the access rows other
     * than the stand-ins' are granted anew with the item's sort keys, the stand-ins' get its due date and whether
     * they still show (a stand-in sees a task only while it is unassigned or held by the absent person or them).
     */
    private void refresh(TaskEntity task) {
        if (TaskCompleter.completing(task.getId())) {
            return; // claimed on its way to completion in the same command: its rows go in a moment
        }
        WorkItemRow stored = items.findItem(task.getId());
        if (stored == null) {
            // the assignment event of a new task comes before its create event
            return;
        }
        WorkItemRow row = withCreatedAt(row(task), stored.createdAt());
        items.updateItem(row);
        items.deleteAccessExceptProxy(task.getId());
        grantAccess(row, task.getCandidates());
        items.updateProxyAccess(row.taskId(), row.dueAt(), row.assignee(),
                row.assignee() == null ? null : Principals.proxy(row.assignee()));
    }

    private void remove(String taskId) {
        CreatedTasks.ended(taskId);
        items.deleteAccess(taskId);
        items.deleteItem(taskId);
    }

    private static WorkItemRow row(TaskEntity task) {
        return new WorkItemRow(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                task.getProcessDefinition().getKey(), task.getTaskDefinitionKey(), task.getName(),
                department(task.getCandidates()), task.getAssignee(), task.getOwner(),
                task.getDelegationState() == DelegationState.PENDING,
                task.getCreateTime() == null ? Instant.now() : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    /** The row as stored first keeps its creation time, the sort key its access rows carry. */
    private static WorkItemRow withCreatedAt(WorkItemRow r, Instant createdAt) {
        return new WorkItemRow(r.taskId(), r.processInstanceId(), r.processDefinitionId(), r.processKey(),
                r.activityId(), r.name(), r.departmentCode(), r.assignee(), r.owner(), r.delegated(), createdAt,
                r.dueAt());
    }

    /** The department a task is offered to: that of its first candidate group (sorted, so it is stable). */
    static String department(Set<IdentityLink> candidates) {
        return candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted()
                .map(g -> g.split(":")[0]).findFirst().orElse(null);
    }

    /** Assigned: the assignee (and the owner of a delegated task). Unassigned: the candidates. */
    private void grantAccess(WorkItemRow row, Set<IdentityLink> candidates) {
        Map<String, String> access = new LinkedHashMap<>();
        if (row.assignee() != null) {
            access.put(Principals.user(row.assignee()), "ASSIGNEE");
            if (row.delegated() && row.owner() != null && !row.owner().equals(row.assignee())) {
                access.put(Principals.user(row.owner()), "OWNER");
            }
        } else {
            for (IdentityLink link : candidates) {
                if (link.getUserId() != null) {
                    access.putIfAbsent(Principals.user(link.getUserId()), "CANDIDATE");
                }
                if (link.getGroupId() != null) {
                    access.putIfAbsent(Principals.group(link.getGroupId()), "CANDIDATE");
                }
            }
        }
        access.forEach((principal, via) -> items.insertAccess(new AccessRow(row.taskId(), principal, via, null, null,
                row.createdAt(), row.dueAt(), true)));
    }

    private void grantProxies(WorkItemRow row, Set<IdentityLink> candidates) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        List<ProxyRow> active = proxies.findActive(today);
        if (active.isEmpty()) {
            return;
        }
        Map<String, Optional<Actor>> actors = new HashMap<>();
        Map<String, ProxyRow> byStandIn = new LinkedHashMap<>();
        for (ProxyRow proxy : active.stream().sorted(Comparator.comparing(p -> p.id)).toList()) {
            if (isFor(proxy.principal, row, candidates, actors) && !proxy.standIn.equals(row.assignee())) {
                byStandIn.putIfAbsent(proxy.standIn, proxy);
            }
        }
        // shown: the task is unassigned or held by the absent person (isFor), so the stand-in sees it
        byStandIn.forEach((standIn, proxy) -> items.insertAccess(new AccessRow(row.taskId(), Principals.proxy(standIn),
                "PROXY", proxy.principal, proxy.endsOn, row.createdAt(), row.dueAt(), true)));
    }

    private boolean isFor(String principal, WorkItemRow row, Set<IdentityLink> candidates,
                          Map<String, Optional<Actor>> actors) {
        if (row.assignee() != null) {
            return principal.equals(row.assignee());
        }
        for (IdentityLink link : candidates) {
            if (principal.equals(link.getUserId())) {
                return true;
            }
            if (link.getGroupId() != null && actors.computeIfAbsent(principal, directory::findActor)
                    .map(a -> a.groups().contains(link.getGroupId())).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
