package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.ActionRow;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.SignDriver;
import org.tongban.engine.testsupport.TestProcesses;

/** 加签 / 减签 on running parallel and sequential sign steps (process tests with camunda-bpm-assert). */
@SpringBootTest(classes = EngineTestApplication.class)
class SignerIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ApprovalService approvals;
    @Autowired
    SignerService signerService;
    @Autowired
    DirectoryService directory;
    @Autowired
    ActionMapper actions;

    SignDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new SignDriver(runtime, tasks, approvals, directory);
    }

    @Test
    void addedSignerOfACountersignMustAgreeToo() {
        ProcessInstance process = driver.drafted(TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);

        SignersView view = signerService.addSigners(driver.actor(FOOD_REVIEWER),
                driver.task(process, "countersign", FOOD_REVIEWER).getId(), new SignersForm(List.of(ENV_REVIEWER), "请环保会签"));

        assertThat(view.signers()).extracting(SignersView.Signer::username)
                .containsExactly(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        assertThat(driver.assignees(process, "countersign")).containsExactlyInAnyOrder(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        driver.sign(FOOD_REVIEWER, process, "countersign", "AGREE");
        driver.sign(FIRE_REVIEWER, process, "countersign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("countersign");
        assertThat(approvals.todo(driver.actor(ENV_REVIEWER), 0, 100).items())
                .anyMatch(t -> t.processInstanceId().equals(process.getId()) && t.activityId().equals("countersign"));
        driver.sign(ENV_REVIEWER, process, "countersign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("archive")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "AGREED")
                .containsEntry("signers", List.of(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER));
    }

    @Test
    void addedSignerOfASequentialStepSignsRightAfterTheCurrentOne() {
        ProcessInstance process = driver.drafted(TestProcesses.SEQUENTIAL, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);

        SignersView view = signerService.addSigners(driver.actor(FOOD_REVIEWER),
                driver.task(process, "sequentialSign", FOOD_REVIEWER).getId(),
                new SignersForm(List.of(ENV_REVIEWER, CITY_REVIEWER), null));

        assertThat(view.signers()).extracting(SignersView.Signer::username, SignersView.Signer::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FOOD_REVIEWER, "PENDING"),
                org.assertj.core.groups.Tuple.tuple(ENV_REVIEWER, "WAITING"),
                org.assertj.core.groups.Tuple.tuple(CITY_REVIEWER, "WAITING"),
                org.assertj.core.groups.Tuple.tuple(FIRE_REVIEWER, "WAITING"));
        assertThat(runtime.getVariable(process.getId(), "signers"))
                .isEqualTo(List.of(FOOD_REVIEWER, ENV_REVIEWER, CITY_REVIEWER, FIRE_REVIEWER));
        for (String signer : List.of(FOOD_REVIEWER, ENV_REVIEWER, CITY_REVIEWER, FIRE_REVIEWER)) {
            assertThat(driver.assignees(process, "sequentialSign")).containsExactly(signer);
            driver.sign(signer, process, "sequentialSign", "AGREE");
        }

        BpmnAwareTests.assertThat(process).isWaitingAt("archive");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .taskDefinitionKey("sequentialSign").orderByHistoricActivityInstanceStartTime().asc().list())
                .extracting(HistoricTaskInstance::getAssignee)
                .containsExactly(FOOD_REVIEWER, ENV_REVIEWER, CITY_REVIEWER, FIRE_REVIEWER);
    }

    @Test
    void removedSignerOfACountersignIsNoLongerAwaited() {
        ProcessInstance process = driver.drafted(TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);

        signerService.removeSigner(driver.actor(FOOD_REVIEWER), driver.task(process, "countersign", FOOD_REVIEWER).getId(),
                ENV_REVIEWER, new OpinionForm("环保不涉及"));

        assertThat(driver.assignees(process, "countersign")).containsExactlyInAnyOrder(FOOD_REVIEWER, FIRE_REVIEWER);
        assertThat(approvals.todo(driver.actor(ENV_REVIEWER), 0, 100).items())
                .noneMatch(t -> t.processInstanceId().equals(process.getId()));
        driver.sign(FOOD_REVIEWER, process, "countersign", "AGREE");
        driver.sign(FIRE_REVIEWER, process, "countersign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("archive")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "AGREED")
                .containsEntry("signers", List.of(FOOD_REVIEWER, FIRE_REVIEWER));
    }

    @Test
    void removedLaterSignerOfASequentialStepIsSkipped() {
        ProcessInstance process = driver.drafted(TestProcesses.SEQUENTIAL, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);

        signerService.removeSigner(driver.actor(FOOD_REVIEWER), driver.task(process, "sequentialSign", FOOD_REVIEWER).getId(),
                ENV_REVIEWER, new OpinionForm(null));
        driver.sign(FOOD_REVIEWER, process, "sequentialSign", "AGREE");
        driver.sign(FIRE_REVIEWER, process, "sequentialSign", "AGREE");

        BpmnAwareTests.assertThat(process).isWaitingAt("archive");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .taskDefinitionKey("sequentialSign").list()).extracting(HistoricTaskInstance::getAssignee)
                .containsExactlyInAnyOrder(FOOD_REVIEWER, FIRE_REVIEWER);
    }

    @Test
    void refusesChangesThatWouldBreakTheStep() {
        ProcessInstance sequential = driver.drafted(TestProcesses.SEQUENTIAL, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        driver.sign(FOOD_REVIEWER, sequential, "sequentialSign", "AGREE");
        String fireTask = driver.task(sequential, "sequentialSign", FIRE_REVIEWER).getId();
        assertThatThrownBy(() -> signerService.removeSigner(driver.actor(FIRE_REVIEWER), fireTask, FOOD_REVIEWER,
                new OpinionForm(null))).isInstanceOf(ConflictException.class).hasMessageContaining("已签署");
        assertThatThrownBy(() -> signerService.removeSigner(driver.actor(ADMIN), fireTask, FIRE_REVIEWER,
                new OpinionForm(null))).isInstanceOf(ConflictException.class).hasMessageContaining("正在办理");
        assertThatThrownBy(() -> signerService.addSigners(driver.actor(FIRE_REVIEWER), fireTask,
                new SignersForm(List.of(FOOD_REVIEWER), null))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("已是本步骤的签署人");
        assertThatThrownBy(() -> signerService.addSigners(driver.actor(FIRE_REVIEWER), fireTask,
                new SignersForm(List.of("nobody"), null))).isInstanceOf(InvalidInputException.class);

        ProcessInstance parallel = driver.drafted(TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        driver.sign(FOOD_REVIEWER, parallel, "countersign", "AGREE");
        String last = driver.task(parallel, "countersign", FIRE_REVIEWER).getId();
        assertThatThrownBy(() -> signerService.removeSigner(driver.actor(ADMIN), last, FIRE_REVIEWER,
                new OpinionForm(null))).isInstanceOf(ConflictException.class).hasMessageContaining("最后一位");
        assertThatThrownBy(() -> signerService.addSigners(driver.actor(ENV_REVIEWER), last,
                new SignersForm(List.of(CITY_REVIEWER), null))).isInstanceOf(NotFoundException.class);
        assertThat(driver.assignees(parallel, "countersign")).containsExactly(FIRE_REVIEWER);

        String draft = tasks.createTaskQuery().processInstanceId(
                TestProcesses.startSigning(runtime, TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER).getId())
                .singleResult().getId();
        assertThatThrownBy(() -> signerService.addSigners(driver.actor(FOOD_HANDLER), draft,
                new SignersForm(List.of(CITY_REVIEWER), null))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("不是会签");
    }

    @Test
    void signerChangesAreRecordedInTheActionLog() {
        ProcessInstance process = driver.drafted(TestProcesses.ANY_SIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        String taskId = driver.task(process, "anySign", FOOD_REVIEWER).getId();
        signerService.addSigners(driver.actor(FOOD_REVIEWER), taskId, new SignersForm(List.of(ENV_REVIEWER), "加签环保"));
        signerService.removeSigner(driver.actor(FOOD_REVIEWER), taskId, FIRE_REVIEWER, new OpinionForm("不涉及消防"));

        assertThat(driver.assignees(process, "anySign")).containsExactlyInAnyOrder(FOOD_REVIEWER, ENV_REVIEWER);
        driver.sign(ENV_REVIEWER, process, "anySign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("archive");
        assertThat(actions.findActions(process.getId())).extracting(ActionRow::action, ActionRow::actor,
                ActionRow::targets, ActionRow::opinion).contains(
                org.assertj.core.groups.Tuple.tuple("ADD_SIGNER", FOOD_REVIEWER, ENV_REVIEWER, "加签环保"),
                org.assertj.core.groups.Tuple.tuple("REMOVE_SIGNER", FOOD_REVIEWER, FIRE_REVIEWER, "不涉及消防"),
                org.assertj.core.groups.Tuple.tuple("COMPLETE", ENV_REVIEWER, null, null));
    }
}
