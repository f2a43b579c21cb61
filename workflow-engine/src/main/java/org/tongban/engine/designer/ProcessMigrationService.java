package org.tongban.engine.designer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Moves running cases from one version of a process to another with Camunda's migration API: a generated plan
 * (equal activities mapped, event triggers updated) plus the designer's own mappings, its validation, a preview
 * of where each case's active steps go, and the migration itself — at once, or as a batch with progress.
 */
@Service
public class ProcessMigrationService {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;

    ProcessMigrationService(RuntimeService runtime, RepositoryService repository, ManagementService management,
                            HistoryService history) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.history = history;
    }

    /** The generated plan and its validation errors. */
    public MigrationPlanView plan(Actor actor, MigrationForm form) {
        DesignerAccess.require(actor);
        return build(form).view;
    }

    /** The plan, and for every running case of the source version (or the chosen ones) where its steps go. */
    public MigrationPreview preview(Actor actor, MigrationForm form) {
        DesignerAccess.require(actor);
        Built built = build(form);
        Map<String, String> targets = new HashMap<>();
        built.view.instructions().forEach(i -> targets.put(i.sourceActivityId(), i.targetActivityId()));
        List<MigrationPreview.CasePreview> cases = new ArrayList<>();
        for (ProcessInstance instance : instances(form)) {
            List<MigrationPreview.StepMapping> steps = new ArrayList<>();
            ActivityInstance tree = runtime.getActivityInstance(instance.getId());
            collectLeaves(tree, built, targets, steps);
            List<String> unmapped = steps.stream().filter(s -> s.targetActivityId() == null)
                    .map(MigrationPreview.StepMapping::activityId).distinct().toList();
            String problem = !built.view.valid() ? "迁移计划有错误"
                    : unmapped.isEmpty() ? null : "以下步骤在新版本中没有对应步骤：" + String.join("、", unmapped);
            cases.add(new MigrationPreview.CasePreview(instance.getId(), instance.getBusinessKey(), steps,
                    problem == null, problem));
        }
        return new MigrationPreview(built.view, cases);
    }

    /** Migrates; a plan with errors or an unknown case answers 400 and nothing moves. */
    public MigrationBatch migrate(Actor actor, MigrationForm form) {
        DesignerAccess.require(actor);
        Built built = build(form);
        if (!built.view.valid()) {
            Map<String, String> errors = new HashMap<>();
            built.view.errors().forEach(e -> errors.merge(e.sourceActivityId() == null ? "plan" : e.sourceActivityId(),
                    e.message(), (a, b) -> a + "；" + b));
            throw new InvalidInputException("迁移计划有错误，未迁移", errors);
        }
        List<String> ids = instances(form).stream().map(ProcessInstance::getId).toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("源版本没有运行中的办件可迁移");
        }
        MigrationPlanExecutionBuilder execution = runtime.newMigration(built.plan).processInstanceIds(ids);
        try {
            if (form.async()) {
                return batch(actor, execution.executeAsync().getId());
            }
            execution.execute();
            return new MigrationBatch(null, ids.size(), ids.size(), 0, 0, true, List.of());
        } catch (ProcessEngineException e) {
            throw new InvalidInputException("迁移失败，未做任何更改：" + e.getMessage());
        }
    }

    /** Progress of a migration batch; once Camunda has finished it, from the history. */
    public MigrationBatch batch(Actor actor, String batchId) {
        DesignerAccess.require(actor);
        BatchStatistics stats = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (stats != null) {
            List<String> failures = management.createJobQuery().jobDefinitionId(stats.getBatchJobDefinitionId())
                    .withException().list().stream().map(Job::getExceptionMessage).toList();
            return new MigrationBatch(batchId, stats.getTotalJobs(), stats.getCompletedJobs(), stats.getFailedJobs(),
                    stats.getRemainingJobs(), false, failures);
        }
        HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (done == null) {
            throw new NotFoundException("迁移批次不存在");
        }
        return new MigrationBatch(batchId, done.getTotalJobs(), done.getTotalJobs(), 0, 0, done.getEndTime() != null,
                List.of());
    }

    private List<ProcessInstance> instances(MigrationForm form) {
        var query = runtime.createProcessInstanceQuery().processDefinitionId(form.sourceDefinitionId());
        if (!form.processInstanceIds().isEmpty()) {
            query.processInstanceIds(new java.util.HashSet<>(form.processInstanceIds()));
        }
        List<ProcessInstance> found = query.list();
        if (!form.processInstanceIds().isEmpty() && found.size() != form.processInstanceIds().size()) {
            throw new InvalidInputException("所选办件不都是源版本中运行中的办件",
                    Map.of("processInstanceIds", "请重新预览后选择"));
        }
        return found;
    }

    private void collectLeaves(ActivityInstance instance, Built built, Map<String, String> targets,
                               List<MigrationPreview.StepMapping> steps) {
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
                && instance.getParentActivityInstanceId() != null) {
            steps.add(step(instance.getActivityId(), built, targets));
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, built, targets, steps);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            steps.add(step(transition.getActivityId(), built, targets));
        }
    }

    private MigrationPreview.StepMapping step(String activityId, Built built, Map<String, String> targets) {
        String target = targets.get(activityId);
        return new MigrationPreview.StepMapping(activityId, name(built.source, activityId), target,
                target == null ? null : name(built.target, target));
    }

    private Built build(MigrationForm form) {
        ProcessDefinition source = definition(form == null ? null : form.sourceDefinitionId());
        ProcessDefinition target = definition(form.targetDefinitionId());
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        MigrationInstructionsBuilder generated = runtime.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().updateEventTriggers();
        MigrationPlanBuilder builder = generated;
        for (MigrationForm.Mapping mapping : form.mappings()) {
            builder = builder.mapActivities(mapping.sourceActivityId(), mapping.targetActivityId());
        }
        MigrationPlan plan;
        List<MigrationPlanView.PlanError> errors = new ArrayList<>();
        try {
            plan = builder.build();
        } catch (MigrationPlanValidationException e) {
            plan = e.getValidationReport().getMigrationPlan();
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                MigrationInstruction instruction = report.getMigrationInstruction();
                report.getFailures().forEach(failure -> errors.add(new MigrationPlanView.PlanError(
                        instruction.getSourceActivityId(), instruction.getTargetActivityId(), failure)));
            }
            e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
                    .forEach(f -> errors.add(new MigrationPlanView.PlanError(null, null, name + ": " + f))));
            if (errors.isEmpty()) {
                errors.add(new MigrationPlanView.PlanError(null, null, e.getMessage()));
            }
        } catch (ProcessEngineException e) {
            throw new InvalidInputException("无法生成迁移计划：" + e.getMessage());
        }
        List<MigrationPlanView.Instruction> instructions = plan == null ? List.of() : plan.getInstructions().stream()
                .map(i -> new MigrationPlanView.Instruction(i.getSourceActivityId(), name(sourceModel,
                        i.getSourceActivityId()), i.getTargetActivityId(), name(targetModel, i.getTargetActivityId()),
                        i.isUpdateEventTrigger()))
                .toList();
        return new Built(plan, new MigrationPlanView(source.getId(), target.getId(), instructions, errors),
                sourceModel, targetModel);
    }

    private ProcessDefinition definition(String id) {
        ProcessDefinition definition = id == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw new NotFoundException("流程版本不存在");
        }
        return definition;
    }

    private static String name(BpmnModelInstance model, String activityId) {
        String id = activityId != null && activityId.endsWith("#multiInstanceBody")
                ? activityId.substring(0, activityId.length() - "#multiInstanceBody".length()) : activityId;
        ModelElementInstance element = id == null ? null : model.getModelElementById(id);
        return element == null ? null : element.getAttributeValue("name");
    }

    private record Built(MigrationPlan plan, MigrationPlanView view, BpmnModelInstance source,
                         BpmnModelInstance target) {
    }
}
