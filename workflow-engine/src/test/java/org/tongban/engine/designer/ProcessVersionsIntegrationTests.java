package org.tongban.engine.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.ADMIN;
import static org.tongban.engine.testsupport.TestUsers.DESIGNER;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Deploy → new version → migrate a running case → it continues on the new version; versions with running counts,
 * diff, heatmap; incidents and retry.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class ProcessVersionsIntegrationTests {

    @Autowired
    DesignerService designer;
    @Autowired
    ProcessMigrationService migration;
    @Autowired
    ProcessMonitoringService monitoring;
    @Autowired
    DirectoryService directory;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    FlakyTestDelegate flaky;

    @Test
    void migratesARunningCaseToTheNewVersionWhereItContinues() {
        String key = "migration-flow-test";
        String v1Xml = DesignerModels.v1(key);
        DeployResult v1 = designer.deploy(designer(), new DeployForm(v1Xml, null));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(designer.deploy(designer(), new DeployForm(v1Xml, null)).unchanged()).isTrue();
        ProcessInstance running = runtime.startProcessInstanceById(v1.processDefinitionId(), "CASE-MIG-1");
        ProcessInstance other = runtime.startProcessInstanceById(v1.processDefinitionId(), "CASE-MIG-2");

        DeployResult v2 = designer.deploy(designer(), new DeployForm(DesignerModels.v2(key), null));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.unchanged()).isFalse();

        ProcessSummary summary = designer.processes(designer()).stream().filter(p -> p.key().equals(key))
                .findFirst().orElseThrow();
        assertThat(summary.versions()).extracting(ProcessSummary.Version::version, ProcessSummary.Version::runningCases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0L), org.assertj.core.groups.Tuple.tuple(1, 2L));
        assertThat(summary.versions().get(0).source()).isEqualTo(DesignerService.SOURCE);

        ModelDiff diff = designer.diff(designer(), v1.processDefinitionId(), v2.processDefinitionId());
        assertThat(diff.added()).extracting(ModelDiff.Change::elementId).contains("check");
        // the fluent builder names sequence flows at random, so only they may differ besides 复核
        assertThat(diff.removed()).extracting(ModelDiff.Change::type).containsOnly("sequenceFlow");
        assertThat(diff.changed()).extracting(ModelDiff.Change::elementId).contains("fill");

        ProcessHeatmap heat = monitoring.heatmap(designer(), v1.processDefinitionId());
        assertThat(heat.runningCases()).isEqualTo(2);
        assertThat(heat.activities()).anySatisfy(a -> {
            assertThat(a.activityId()).isEqualTo("fill");
            assertThat(a.running()).isEqualTo(2);
        });

        MigrationForm form = new MigrationForm(v1.processDefinitionId(), v2.processDefinitionId(), List.of(),
                List.of(running.getId()), true);
        MigrationPlanView plan = migration.plan(designer(), form);
        assertThat(plan.valid()).isTrue();
        assertThat(plan.instructions()).extracting(MigrationPlanView.Instruction::sourceActivityId,
                MigrationPlanView.Instruction::targetActivityId).contains(org.assertj.core.groups.Tuple.tuple("fill", "fill"));
        MigrationPreview preview = migration.preview(designer(), form);
        assertThat(preview.cases()).singleElement().satisfies(c -> {
            assertThat(c.businessKey()).isEqualTo("CASE-MIG-1");
            assertThat(c.migratable()).isTrue();
            assertThat(c.steps()).extracting(MigrationPreview.StepMapping::activityId,
                    MigrationPreview.StepMapping::targetActivityId, MigrationPreview.StepMapping::targetName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("fill", "fill", "填报"));
        });

        MigrationBatch batch = migration.migrate(designer(), form);
        assertThat(batch.batchId()).isNotNull();
        assertThat(batch.done()).isFalse();
        runBatch(batch.batchId());
        MigrationBatch finished = migration.batch(designer(), batch.batchId());
        assertThat(finished.done()).isTrue();
        assertThat(finished.completedJobs()).isEqualTo(1);

        assertThat(processDefinitionOf(running.getId())).isEqualTo(v2.processDefinitionId());
        assertThat(processDefinitionOf(other.getId())).isEqualTo(v1.processDefinitionId());
        tasks.complete(task(running.getId()).getId());
        assertThat(task(running.getId()).getTaskDefinitionKey()).isEqualTo("check"); // only v2 has 复核
        tasks.complete(task(running.getId()).getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isZero();
        tasks.complete(task(other.getId()).getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(other.getId()).count()).isZero();
    }

    @Test
    void showsPlanErrorsAndRefusesToMigrateWhatCannotBeMapped() {
        String key = "migration-renamed-test";
        DeployResult v1 = designer.deploy(designer(), new DeployForm(DesignerModels.v1(key), null));
        ProcessInstance running = runtime.startProcessInstanceById(v1.processDefinitionId(), "CASE-REN-1");
        DeployResult v2 = designer.deploy(designer(), new DeployForm(DesignerModels.renamed(key), null));
        MigrationForm generated = new MigrationForm(v1.processDefinitionId(), v2.processDefinitionId(), List.of(),
                List.of(), false);

        MigrationPreview preview = migration.preview(designer(), generated);
        assertThat(preview.cases()).singleElement().satisfies(c -> {
            assertThat(c.migratable()).isFalse();
            assertThat(c.problem()).contains("fill");
        });
        assertThatThrownBy(() -> migration.migrate(designer(), generated)).isInstanceOf(InvalidInputException.class);
        assertThat(processDefinitionOf(running.getId())).isEqualTo(v1.processDefinitionId());

        MigrationForm impossible = new MigrationForm(v1.processDefinitionId(), v2.processDefinitionId(),
                List.of(new MigrationForm.Mapping("fill", "end")), List.of(), false);
        MigrationPlanView plan = migration.plan(designer(), impossible);
        assertThat(plan.valid()).isFalse();
        assertThat(plan.errors()).anySatisfy(e -> assertThat(e.sourceActivityId()).isEqualTo("fill"));

        MigrationForm mapped = new MigrationForm(v1.processDefinitionId(), v2.processDefinitionId(),
                List.of(new MigrationForm.Mapping("fill", "draft")), List.of(), false);
        assertThat(migration.preview(designer(), mapped).cases()).singleElement()
                .satisfies(c -> assertThat(c.migratable()).isTrue());
        MigrationBatch done = migration.migrate(designer(), mapped);
        assertThat(done.done()).isTrue();
        assertThat(task(running.getId()).getTaskDefinitionKey()).isEqualTo("draft");
    }

    @Test
    void listsIncidentsWithTheirCaseAndRetriesThem() {
        DeployResult deployed = designer.deploy(admin(), new DeployForm(DesignerModels.flaky("incident-flow-test"), null));
        ProcessInstance instance = runtime.startProcessInstanceById(deployed.processDefinitionId(), "CASE-INC-1");
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the outside system is down
            }
        }

        List<IncidentView> incidents = monitoring.incidents(designer(), deployed.processDefinitionId());
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.message()).contains("外部系统不可达");
            assertThat(i.activityId()).isEqualTo("callOutside");
            assertThat(i.businessKey()).isEqualTo("CASE-INC-1");
            assertThat(i.processInstanceId()).isEqualTo(instance.getId());
            assertThat(i.retries()).isZero();
        });
        assertThat(monitoring.heatmap(designer(), deployed.processDefinitionId()).activities())
                .anySatisfy(a -> {
                    assertThat(a.activityId()).isEqualTo("callOutside");
                    assertThat(a.incidents()).isEqualTo(1);
                });

        RetryResult stillDown = monitoring.retry(designer(), incidents.get(0).id());
        assertThat(stillDown.succeeded()).isFalse();
        assertThat(stillDown.error()).contains("外部系统不可达");
        IncidentView again = monitoring.incidents(designer(), deployed.processDefinitionId()).get(0);

        flaky.recover();
        RetryResult retried = monitoring.retry(designer(), again.id());
        assertThat(retried.succeeded()).isTrue();
        assertThat(monitoring.incidents(designer(), deployed.processDefinitionId())).isEmpty();
        assertThat(task(instance.getId()).getTaskDefinitionKey()).isEqualTo("after");
    }

    /** The job executor is off in tests: run the batch's seed, migration and monitor jobs by hand. */
    private void runBatch(String batchId) {
        for (int round = 0; round < 10; round++) {
            var batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                management.createJobQuery().jobDefinitionId(definition).list()
                        .forEach(j -> management.executeJob(j.getId()));
            }
        }
        throw new AssertionError("batch " + batchId + " did not finish");
    }

    private String processDefinitionOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }

    private Task task(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private Actor designer() {
        return directory.findActor(DESIGNER).orElseThrow();
    }

    private Actor admin() {
        return directory.findActor(ADMIN).orElseThrow();
    }
}
