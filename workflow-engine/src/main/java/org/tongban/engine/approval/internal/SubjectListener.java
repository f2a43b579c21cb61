package org.tongban.engine.approval.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.approval.persistence.SubjectRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;

/**
 * Writes a process instance's subject row when it starts (我发起的, and the title every list shows) and marks it
 * ended. The initiator is the start variable {@value #INITIATOR}, the convention of the platform's starters.
 * Registered as a built-in listener of every process.
 */
@Component
public class SubjectListener implements ExecutionListener {

    /** The start variable naming the person who started the process. */
    public static final String INITIATOR = "initiator";

    private final WorkItemMapper items;
    private final Handlers handlers;
    private final Clock clock;

    SubjectListener(WorkItemMapper items, Handlers handlers, Clock clock) {
        this.items = items;
        this.handlers = handlers;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String processInstanceId = execution.getProcessInstanceId();
        if (EVENTNAME_END.equals(execution.getEventName())) {
            items.endSubject(processInstanceId, clock.instant());
            return;
        }
        if (items.findSubject(processInstanceId) != null) {
            return;
        }
        ProcessDefinitionEntity definition = ((ExecutionEntity) execution).getProcessDefinition();
        insert(processInstanceId, definition.getKey(), definition.getName(), execution.getProcessBusinessKey(),
                execution.getVariable(INITIATOR), clock.instant());
    }

    /** Writes the subject of a process instance (also used to backfill instances older than the read model). */
    void insert(String processInstanceId, String processKey, String processName, String businessKey, Object initiator,
                java.time.Instant startedAt) {
        TaskHandler handler = handlers.of(processKey);
        Subject subject = businessKey == null ? null : handler.subjects(List.of(businessKey)).get(businessKey);
        String name = processName == null ? processKey : processName;
        items.insertSubject(new SubjectRow(processInstanceId, processKey, name, businessKey,
                subject == null ? null : subject.id(), subject == null ? businessKey : subject.number(),
                subject == null ? name + (businessKey == null ? "" : " " + businessKey) : subject.title(),
                initiator instanceof String s ? s : null, startedAt, null));
        if (businessKey != null) {
            for (String matter : new LinkedHashSet<>(handler.matterCodes(businessKey))) {
                items.insertSubjectMatter(processInstanceId, matter);
            }
        }
    }
}
