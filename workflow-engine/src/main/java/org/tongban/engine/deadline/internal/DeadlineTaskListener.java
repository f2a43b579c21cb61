package org.tongban.engine.deadline.internal;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.engine.deadline.TaskDueDateSet;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.deadline.DeadlineState;
import org.tongban.engine.deadline.DeadlineVariables;
import org.tongban.engine.deadline.persistence.DeadlineMapper;
import org.tongban.engine.deadline.persistence.DeadlineRow;
import org.tongban.engine.deadline.persistence.DeadlineStepRow;
import org.tongban.engine.platform.EngineClock;

/**
 * Every user task of every process, as the Camunda Spring Boot starter publishes them (task eventing, on in
 * {@code tongban-engine.yml}). A task created inside a scope with a clock ({@code deadlineId}) gets the clock's
 * deadline as its due date, unless the clock is paused (补正: the applicant's time), and is recorded as a step of
 * the clock; completing or deleting the task records how long it took in working time. Runs in the engine command,
 * so the step commits or rolls back with the task.
 */
@Component
class DeadlineTaskListener {

    private final DeadlineMapper mapper;
    private final WorkCalendarService calendars;
    private final EngineClock clock;
    private final ApplicationEventPublisher events;

    DeadlineTaskListener(DeadlineMapper mapper, WorkCalendarService calendars, EngineClock clock,
                         ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.calendars = calendars;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_COMPLETE -> left(task, true);
            case TaskListener.EVENTNAME_DELETE -> left(task, false);
            default -> {
                // assignment, update, timeout: nothing to record
            }
        }
    }

    private void created(DelegateTask task) {
        if (!(task.getVariable(DeadlineVariables.DEADLINE_ID) instanceof Number id)) {
            return;
        }
        DeadlineRow deadline = mapper.findById(id.longValue());
        if (deadline == null) {
            return;
        }
        Instant due = DeadlineState.RUNNING.name().equals(deadline.clockState) ? deadline.dueAt : null;
        if (due != null) {
            task.setDueDate(Date.from(due));
            events.publishEvent(new TaskDueDateSet(task));
        }
        mapper.insertStep(new DeadlineStepRow(null, deadline.id, task.getId(), task.getTaskDefinitionKey(),
                task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), department(task), clock.now(),
                due, null, null, null, null));
    }

    private void left(DelegateTask task, boolean completed) {
        DeadlineStepRow step = mapper.findStepByTask(task.getId());
        if (step == null || step.leftAt() != null) {
            return;
        }
        Instant now = clock.now();
        long minutes = calendars.calendar().workingTime(step.enteredAt(), now).toMinutes();
        mapper.leaveStep(task.getId(), now, completed, minutes);
    }

    /** The department part of the task's first candidate group ({@code SJ_FOOD:handler} → {@code SJ_FOOD}). */
    private static String department(DelegateTask task) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                return link.getGroupId().split(":")[0];
            }
        }
        return null;
    }
}
