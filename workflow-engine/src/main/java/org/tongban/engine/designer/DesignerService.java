package org.tongban.engine.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.SignMode;
import org.tongban.engine.designer.internal.ModelComparison;
import org.tongban.engine.designer.persistence.DraftMapper;
import org.tongban.engine.designer.persistence.DraftRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The designer's model work: the properties panel's catalogue, validation, drafts, deployment (validated first; a
 * model with an error is never deployed), the versions of every process with their running cases, one version's
 * XML, and the diff of two versions. Designers and administrators only.
 */
@Service
public class DesignerService {

    /** Deployments made here carry this source, so the version list can tell them from the built-in models. */
    public static final String SOURCE = "tongban-designer";

    private final ModelValidationService validation;
    private final RepositoryService repository;
    private final ManagementService management;
    private final DirectoryService directory;
    private final DraftMapper drafts;
    private final Clock clock;

    DesignerService(ModelValidationService validation, RepositoryService repository, ManagementService management,
                    DirectoryService directory, DraftMapper drafts, Clock clock) {
        this.validation = validation;
        this.repository = repository;
        this.management = management;
        this.directory = directory;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Beans, departments, roles and sign modes the properties panel offers. */
    public DesignerCatalog catalog(Actor actor) {
        DesignerAccess.require(actor);
        return new DesignerCatalog(List.copyOf(validation.delegateBeans()),
                directory.departments().stream()
                        .map(d -> new DesignerCatalog.DepartmentOption(d.code(), d.name(), d.agencyCode())).toList(),
                Arrays.stream(Role.values()).map(Role::key).toList(),
                Arrays.stream(SignMode.values())
                        .map(m -> new DesignerCatalog.SignModeOption(m.name(), m.label(), m == SignMode.SEQUENTIAL))
                        .toList());
    }

    public ValidationReport validate(Actor actor, String xml) {
        DesignerAccess.require(actor);
        return validation.validate(xml);
    }

    public List<Draft> drafts(Actor actor) {
        DesignerAccess.require(actor);
        return drafts.findAll().stream().map(row -> draft(row, false)).toList();
    }

    public Draft draft(Actor actor, long id) {
        DesignerAccess.require(actor);
        return draft(row(id), true);
    }

    /** Saves a model as it is, even with problems: a draft is work in progress. */
    @Transactional
    public Draft saveDraft(Actor actor, DraftForm form) {
        DesignerAccess.require(actor);
        if (form == null || form.xml() == null || form.xml().isBlank()) {
            throw new InvalidInputException("草稿内容为空", Map.of("xml", "请提供模型 XML"));
        }
        ValidationReport report = validation.validate(form.xml());
        DraftRow row = form.id() == null ? new DraftRow() : row(form.id());
        row.processKey = report.processKey() == null ? "(未命名)" : report.processKey();
        row.name = report.processName() == null ? row.processKey : report.processName();
        row.xml = form.xml();
        row.savedBy = actor.username();
        row.savedAt = clock.instant();
        if (row.id == null) {
            drafts.insert(row);
        } else {
            drafts.update(row);
        }
        return draft(row, true);
    }

    @Transactional
    public void deleteDraft(Actor actor, long id) {
        DesignerAccess.require(actor);
        if (drafts.delete(id) == 0) {
            throw new NotFoundException("草稿不存在");
        }
    }

    /**
     * Validates, then deploys under the process id as the resource name. An unchanged model adds no version.
     * Problems answer 400 with every problem as {@code elementId → message}; nothing is deployed.
     */
    @Transactional
    public DeployResult deploy(Actor actor, DeployForm form) {
        DesignerAccess.require(actor);
        ValidationReport report = validation.validate(form == null ? null : form.xml());
        if (!report.valid()) {
            throw invalid(report);
        }
        ProcessDefinition before = latest(report.processKey());
        DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment()
                    .name(report.processKey()) // duplicate filtering compares with the last deployment of this name
                    .source(SOURCE)
                    .enableDuplicateFiltering(true)
                    .addString(report.processKey() + ".bpmn", form.xml())
                    .deployWithResult();
        } catch (ProcessEngineException e) {
            // validation runs the same parser, so this is rare (e.g. a message name another process already uses)
            throw new InvalidInputException("引擎拒绝部署：" + e.getMessage());
        }
        ProcessDefinition now = latest(report.processKey());
        if (form.draftId() != null) {
            drafts.delete(form.draftId());
        }
        boolean unchanged = before != null && before.getId().equals(now.getId());
        return new DeployResult(deployment.getId(), now.getId(), now.getKey(), now.getVersion(), unchanged, report);
    }

    /** Every process with its versions (newest first) and running cases, by key. */
    public List<ProcessSummary> processes(Actor actor) {
        DesignerAccess.require(actor);
        Map<String, ProcessDefinitionStatistics> statistics = management.createProcessDefinitionStatisticsQuery()
                .includeIncidents().list().stream()
                .collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> s));
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d));
        Map<String, List<ProcessSummary.Version>> byKey = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessDefinition definition : definitions) {
            ProcessDefinitionStatistics stats = statistics.get(definition.getId());
            long running = stats == null ? 0 : stats.getInstances();
            long incidents = stats == null ? 0
                    : stats.getIncidentStatistics().stream().mapToLong(i -> i.getIncidentCount()).sum();
            Deployment deployment = deployments.get(definition.getDeploymentId());
            byKey.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(new ProcessSummary.Version(
                    definition.getId(), definition.getVersion(), definition.getName(), definition.getDeploymentId(),
                    deployment == null || deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant(),
                    deployment == null ? null : deployment.getSource(), running, incidents));
            names.putIfAbsent(definition.getKey(), definition.getName());
        }
        return byKey.entrySet().stream().map(e -> new ProcessSummary(e.getKey(), names.get(e.getKey()),
                        e.getValue().get(0).version(),
                        e.getValue().stream().mapToLong(ProcessSummary.Version::runningCases).sum(), e.getValue()))
                .sorted(Comparator.comparing(ProcessSummary::key)).toList();
    }

    /** The XML of one version. */
    public ProcessModelXml model(Actor actor, String processDefinitionId) {
        DesignerAccess.require(actor);
        ProcessDefinition definition = definition(processDefinitionId);
        return new ProcessModelXml(definition.getId(), definition.getKey(), definition.getVersion(),
                xml(definition.getId()));
    }

    /** What changed from one version to another (any two, also of different keys). */
    public ModelDiff diff(Actor actor, String fromId, String toId) {
        DesignerAccess.require(actor);
        ProcessDefinition from = definition(fromId);
        ProcessDefinition to = definition(toId);
        ModelComparison.Result result = ModelComparison.compare(xml(from.getId()), xml(to.getId()));
        return new ModelDiff(from.getId(), from.getVersion(), to.getId(), to.getVersion(), result.added(),
                result.removed(), result.changed());
    }

    ProcessDefinition definition(String id) {
        ProcessDefinition definition = id == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw new NotFoundException("流程版本不存在");
        }
        return definition;
    }

    String xml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private DraftRow row(long id) {
        DraftRow row = drafts.findById(id);
        if (row == null) {
            throw new NotFoundException("草稿不存在");
        }
        return row;
    }

    private static Draft draft(DraftRow row, boolean withXml) {
        return new Draft(row.id, row.processKey, row.name, withXml ? row.xml : null, row.savedBy, row.savedAt);
    }

    /** Every error as element id → messages; problems about the whole file go under {@code model}. */
    static InvalidInputException invalid(ValidationReport report) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ModelProblem problem : report.errors()) {
            errors.merge(problem.elementId() == null ? "model" : problem.elementId(), problem.message(),
                    (a, b) -> a + "；" + b);
        }
        return new InvalidInputException("模型有 " + report.errors().size() + " 个错误，未部署", errors);
    }
}
