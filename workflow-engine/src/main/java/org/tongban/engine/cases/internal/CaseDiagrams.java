package org.tongban.engine.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseDiagram;
import org.tongban.engine.platform.NotFoundException;

/**
 * Reads a process instance's model and its activity history for the case diagram. Multi-instance bodies
 * ({@code id#multiInstanceBody}) are left out: the viewer highlights the sub-process element itself, which has
 * its own activity instances.
 */
@Component
public class CaseDiagrams {

    private final RepositoryService repository;
    private final HistoryService history;

    public CaseDiagrams(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    /** The diagram of one process instance; the caller has already checked that the actor may see its case. */
    public CaseDiagram of(String processInstanceId) {
        HistoricProcessInstance instance = processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new NotFoundException("该办件没有流程图");
        }
        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        Set<String> completed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : activities) {
            String id = activity.getActivityId();
            if (id == null || id.contains("#")) {
                continue;
            }
            (activity.getEndTime() == null ? active : completed).add(id);
        }
        return new CaseDiagram(definition.getKey(), definition.getVersion(), xml(definition.getId()),
                List.copyOf(completed), List.copyOf(active));
    }

    private String xml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the model of " + definitionId, e);
        }
    }
}
