package org.tongban.engine.approval.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.approval.persistence.WorkItemRow;

/**
 * Adds to the read model what the engine holds but the read model does not: running process instances and open
 * tasks created before the approval listeners existed (a database upgraded to this version). Runs once at start,
 * in pages, and is a no-op on a database the listeners have always kept.
 */
@Component
public class WorkItemBackfill {

    private static final Logger log = LoggerFactory.getLogger(WorkItemBackfill.class);
    private static final int PAGE = 200;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final WorkItemMapper items;
    private final WorkItemListener workItems;
    private final SubjectListener subjects;
    private final TransactionTemplate transactions;

    WorkItemBackfill(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                     RepositoryService repositoryService, WorkItemMapper items, WorkItemListener workItems,
                     SubjectListener subjects, TransactionTemplate transactions) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.items = items;
        this.workItems = workItems;
        this.subjects = subjects;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void backfill() {
        int tasks = 0;
        int instances = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = taskService.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Integer added = transactions.execute(status -> addMissing(page));
            tasks += added == null ? 0 : added;
        }
        for (int first = 0; ; first += PAGE) {
            List<HistoricProcessInstance> page = historyService.createHistoricProcessInstanceQuery().unfinished()
                    .orderByProcessInstanceId().asc().listPage(first, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Integer added = transactions.execute(status -> addMissingSubjects(page));
            instances += added == null ? 0 : added;
        }
        if (tasks + instances > 0) {
            log.info("Approval read model: added {} open tasks and {} running process instances", tasks, instances);
        }
    }

    private int addMissing(List<Task> page) {
        Set<String> known = new HashSet<>(items.findItemIds(page.stream().map(Task::getId).toList()));
        int added = 0;
        for (Task task : page) {
            if (known.contains(task.getId()) || task.getProcessInstanceId() == null) {
                continue;
            }
            Set<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).collect(Collectors.toSet());
            ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
            workItems.insert(new WorkItemRow(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                    definition.getKey(), task.getTaskDefinitionKey(), task.getName(),
                    WorkItemListener.department(candidates), task.getAssignee(), task.getOwner(),
                    task.getDelegationState() == DelegationState.PENDING, task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant()), candidates);
            added++;
        }
        return added;
    }

    private int addMissingSubjects(List<HistoricProcessInstance> page) {
        int added = 0;
        for (HistoricProcessInstance instance : page) {
            if (items.findSubject(instance.getId()) != null) {
                continue;
            }
            Object initiator = runtimeService.getVariable(instance.getId(), SubjectListener.INITIATOR);
            subjects.insert(instance.getId(), instance.getProcessDefinitionKey(),
                    instance.getProcessDefinitionName(), instance.getBusinessKey(),
                    initiator == null ? instance.getStartUserId() : initiator, instance.getStartTime().toInstant());
            added++;
        }
        return added;
    }
}
