package org.tongban.engine.designer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.platform.NotFoundException;

/**
 * Operations' view of a version: where its running cases stand and how long each step takes (the heatmap), and
 * incidents (failed jobs) with their error and case, which a designer or administrator can retry.
 */
@Service
public class ProcessMonitoringService {

    /** Average durations are taken over at most this many finished activity instances, the newest. */
    static final int DURATION_SAMPLE = 20_000;

    private final DesignerService designer;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;

    ProcessMonitoringService(DesignerService designer, RepositoryService repository, RuntimeService runtime,
                             ManagementService management, HistoryService history) {
        this.designer = designer;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
    }

    public ProcessHeatmap heatmap(Actor actor, String processDefinitionId) {
        DesignerAccess.require(actor);
        ProcessDefinition definition = designer.definition(processDefinitionId);
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Map<String, long[]> counts = new HashMap<>(); // running, failedJobs, incidents, finished, totalMillis
        for (ActivityStatistics stats : management.createActivityStatisticsQuery(definition.getId())
                .includeFailedJobs().includeIncidents().list()) {
            if (stats.getId().endsWith("#multiInstanceBody")) {
                continue; // its inner instances are counted on the step itself
            }
            long[] c = counts.computeIfAbsent(stats.getId(), k -> new long[5]);
            c[0] += stats.getInstances();
            c[1] += stats.getFailedJobs();
            c[2] += stats.getIncidentStatistics().stream().mapToLong(i -> i.getIncidentCount()).sum();
        }
        for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery()
                .processDefinitionId(definition.getId()).finished().orderByHistoricActivityInstanceEndTime().desc()
                .listPage(0, DURATION_SAMPLE)) {
            if (done.getDurationInMillis() != null && !done.getActivityId().endsWith("#multiInstanceBody")) {
                long[] c = counts.computeIfAbsent(done.getActivityId(), k -> new long[5]);
                c[3]++;
                c[4] += done.getDurationInMillis();
            }
        }
        List<ProcessHeatmap.ActivityStats> activities = new ArrayList<>();
        counts.forEach((id, c) -> {
            FlowNode node = model.getModelElementById(id) instanceof FlowNode f ? f : null;
            activities.add(new ProcessHeatmap.ActivityStats(id, node == null ? null : node.getName(), c[0], c[1], c[2],
                    c[3], c[3] == 0 ? null : c[4] / c[3]));
        });
        activities.sort((a, b) -> a.activityId().compareTo(b.activityId()));
        long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        return new ProcessHeatmap(definition.getId(), definition.getKey(), definition.getVersion(),
                designer.xml(definition.getId()), running, activities);
    }

    /** Open incidents, newest first; of one version when {@code processDefinitionId} is given. */
    public List<IncidentView> incidents(Actor actor, String processDefinitionId) {
        DesignerAccess.require(actor);
        var query = runtime.createIncidentQuery();
        if (processDefinitionId != null && !processDefinitionId.isBlank()) {
            query.processDefinitionId(designer.definition(processDefinitionId).getId());
        }
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        List<IncidentView> views = new ArrayList<>();
        for (Incident incident : query.orderByIncidentTimestamp().desc().listPage(0, 500)) {
            ProcessDefinition definition = incident.getProcessDefinitionId() == null ? null
                    : definitions.computeIfAbsent(incident.getProcessDefinitionId(), designer::definition);
            ProcessInstance instance = incident.getProcessInstanceId() == null ? null
                    : runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
                    .singleResult();
            String jobId = Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
                    ? incident.getConfiguration() : null;
            Job job = jobId == null ? null : management.createJobQuery().jobId(jobId).singleResult();
            views.add(new IncidentView(incident.getId(), incident.getIncidentType(), incident.getIncidentMessage(),
                    incident.getActivityId(), incident.getProcessInstanceId(),
                    instance == null ? null : instance.getBusinessKey(), incident.getProcessDefinitionId(),
                    definition == null ? null : definition.getKey(),
                    definition == null ? null : definition.getVersion(), jobId,
                    job == null ? null : job.getRetries(),
                    incident.getIncidentTimestamp() == null ? null : incident.getIncidentTimestamp().toInstant()));
        }
        return views;
    }

    /**
     * Gives the incident's job one more retry and runs it now. When it fails again, the engine records the failure
     * (the incident comes back) and the answer carries the new error.
     */
    public RetryResult retry(Actor actor, String incidentId) {
        DesignerAccess.require(actor);
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || !Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw new NotFoundException("没有可重试的故障作业");
        }
        String jobId = incident.getConfiguration();
        management.setJobRetries(jobId, 1);
        try {
            management.executeJob(jobId);
            return new RetryResult(jobId, true, null);
        } catch (RuntimeException e) {
            return new RetryResult(jobId, false, e.getMessage());
        }
    }
}
