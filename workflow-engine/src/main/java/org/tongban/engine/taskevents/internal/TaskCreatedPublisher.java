package org.tongban.engine.taskevents.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.engine.taskevents.TaskCreated;

/**
 * The global create listener: captures the new task while the engine command runs and publishes
 * {@link TaskCreated} once the transaction commits (nothing when it rolls back).
 */
@Component
class TaskCreatedPublisher implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskCreatedPublisher.class);

    private final ApplicationEventPublisher events;

    TaskCreatedPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> groups = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessEngineServices()
                .getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey(); // cached
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        TaskCreated event = new TaskCreated(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
                task.getProcessInstanceId(), businessKey, groups, users, task.getAssignee(),
                task.getCreateTime() == null ? Instant.now() : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
        // the engine's transaction context is Spring's transaction here (SpringTransactionContext)
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> publish(event));
    }

    /** After the commit: a failing listener is logged, never reported to whoever completed the previous task. */
    private void publish(TaskCreated event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("A listener of TaskCreated failed for task {} ({}) of {}", event.taskId(), event.name(),
                    event.processKey(), e);
        }
    }
}
