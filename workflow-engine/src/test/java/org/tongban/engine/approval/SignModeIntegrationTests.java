package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.testsupport.TestProcesses;

/**
 * 会签 / 或签 / 依次审批 on the test models: the sign mode comes from the model's {@code tongban:signMode} property
 * alone, through the approval service and through the engine's plain API alike (camunda-bpm-assert).
 */
@SpringBootTest(classes = EngineTestApplication.class)
class SignModeIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void countersignWaitsForEverySignerAndEndsAgreed() {
        ProcessInstance process = drafted(TestProcesses.COUNTERSIGN, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        BpmnAwareTests.assertThat(process).isWaitingAt("countersign");
        assertThat(signTasks(process, "countersign")).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);

        sign(FOOD_REVIEWER, process, "countersign", "AGREE", null);
        sign(FIRE_REVIEWER, process, "countersign", "AGREE", "同意");
        BpmnAwareTests.assertThat(process).isWaitingAt("countersign");
        sign(ENV_REVIEWER, process, "countersign", "AGREE", null);

        BpmnAwareTests.assertThat(process).isWaitingAt("archive").hasNotPassed("revise")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "AGREED");
    }

    @Test
    void countersignEndsAtTheFirstDisagreeAndCancelsTheOtherSigners() {
        ProcessInstance process = drafted(TestProcesses.COUNTERSIGN, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        sign(FOOD_REVIEWER, process, "countersign", "AGREE", null);
        sign(FIRE_REVIEWER, process, "countersign", "DISAGREE", "消防条款不符合要求");

        BpmnAwareTests.assertThat(process).isWaitingAt("revise").hasNotPassed("archive")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "DISAGREED");
        assertThat(signTasks(process, "countersign")).isEmpty();
        assertThat(approvals.todo(actor(ENV_REVIEWER), 0, 100).items())
                .noneMatch(t -> t.processInstanceId().equals(process.getId()));
    }

    @Test
    void disagreeingWithoutAnOpinionIsRefusedAndChangesNothing() {
        ProcessInstance process = drafted(TestProcesses.COUNTERSIGN, FOOD_REVIEWER, FIRE_REVIEWER);
        String taskId = signTask(process, "countersign", FOOD_REVIEWER).getId();

        assertThatThrownBy(() -> approvals.complete(actor(FOOD_REVIEWER), taskId, CompletionForm.of("DISAGREE", " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("意见");
        assertThatThrownBy(() -> approvals.complete(actor(FOOD_REVIEWER), taskId, CompletionForm.of("GRANT", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("AGREE");
        assertThat(signTasks(process, "countersign")).hasSize(2);
    }

    @Test
    void anySignIsDecidedByTheFirstDecision() {
        ProcessInstance agreed = drafted(TestProcesses.ANY_SIGN, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        sign(FIRE_REVIEWER, agreed, "anySign", "AGREE", null);
        BpmnAwareTests.assertThat(agreed).isWaitingAt("archive")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "AGREED");
        assertThat(signTasks(agreed, "anySign")).isEmpty();

        ProcessInstance disagreed = drafted(TestProcesses.ANY_SIGN, FOOD_REVIEWER, FIRE_REVIEWER);
        sign(FOOD_REVIEWER, disagreed, "anySign", "DISAGREE", "不同意");
        BpmnAwareTests.assertThat(disagreed).isWaitingAt("revise")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "DISAGREED");
    }

    @Test
    void sequentialSignGoesOneSignerAfterTheOtherInListOrder() {
        ProcessInstance process = drafted(TestProcesses.SEQUENTIAL, ENV_REVIEWER, FOOD_REVIEWER, FIRE_REVIEWER);
        assertThat(signTasks(process, "sequentialSign")).extracting(Task::getAssignee).containsExactly(ENV_REVIEWER);
        sign(ENV_REVIEWER, process, "sequentialSign", "AGREE", null);
        assertThat(signTasks(process, "sequentialSign")).extracting(Task::getAssignee).containsExactly(FOOD_REVIEWER);
        sign(FOOD_REVIEWER, process, "sequentialSign", "AGREE", null);
        assertThat(signTasks(process, "sequentialSign")).extracting(Task::getAssignee).containsExactly(FIRE_REVIEWER);
        sign(FIRE_REVIEWER, process, "sequentialSign", "AGREE", null);

        BpmnAwareTests.assertThat(process).isWaitingAt("archive")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "AGREED");
    }

    @Test
    void sequentialSignStopsAtADisagree() {
        ProcessInstance process = drafted(TestProcesses.SEQUENTIAL, ENV_REVIEWER, FOOD_REVIEWER, FIRE_REVIEWER);
        sign(ENV_REVIEWER, process, "sequentialSign", "DISAGREE", "环评结论缺失");

        BpmnAwareTests.assertThat(process).isWaitingAt("revise");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .taskDefinitionKey("sequentialSign").list()).hasSize(1);
    }

    @Test
    void theModelAloneMakesTheSignModeWhateverApiCompletesTheTasks() {
        ProcessInstance process = TestProcesses.startSigning(runtime, TestProcesses.COUNTERSIGN, FOOD_HANDLER,
                "a.signer", "b.signer");
        BpmnAwareTests.complete(BpmnAwareTests.task(process));
        List<Task> signers = signTasks(process, "countersign");
        BpmnAwareTests.complete(signers.get(0), BpmnAwareTests.withVariables(SignMode.DECISION_VARIABLE, "AGREE"));
        BpmnAwareTests.assertThat(process).isWaitingAt("countersign");
        BpmnAwareTests.complete(signers.get(1), BpmnAwareTests.withVariables(SignMode.DECISION_VARIABLE, "DISAGREE"));

        BpmnAwareTests.assertThat(process).isWaitingAt("revise").hasPassed("countersign")
                .variables().containsEntry(SignMode.RESULT_VARIABLE, "DISAGREED");
    }

    @Test
    void theTodoListOffersAgreeAndDisagreeOnASignStep() {
        ProcessInstance process = drafted(TestProcesses.ANY_SIGN, FOOD_REVIEWER, FIRE_REVIEWER);
        TaskView view = approvals.todo(actor(FOOD_REVIEWER), 0, 100).items().stream()
                .filter(t -> t.processInstanceId().equals(process.getId())).findFirst().orElseThrow();

        assertThat(view.signMode()).isEqualTo(SignMode.ANY_SIGN);
        assertThat(view.decisions()).containsExactly("AGREE", "DISAGREE");
        assertThat(view.subject().title()).isEqualTo("或签测试");
        assertThat(view.name()).isEqualTo("或签");
    }

    @Test
    void aSignModeThatDoesNotFitItsTaskFailsTheDeployment() {
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <bpmn:process id="bad-sign-mode" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="s"/>
                    <bpmn:userTask id="sign" camunda:assignee="${signer}">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="tongban:signMode" value="SEQUENTIAL"/>
                      </camunda:properties></bpmn:extensionElements>
                      <bpmn:multiInstanceLoopCharacteristics camunda:collection="${signers}" camunda:elementVariable="signer"/>
                    </bpmn:userTask>
                    <bpmn:endEvent id="e"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sign"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="e"/>
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().addString("bad-sign-mode.bpmn", model).deploy())
                .hasMessageContaining("依次审批必须是串行多实例");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("bad-sign-mode").count()).isZero();
    }

    private ProcessInstance drafted(String key, String... signers) {
        ProcessInstance process = TestProcesses.startSigning(runtime, key, FOOD_HANDLER, signers);
        Task draft = tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("draft").singleResult();
        approvals.complete(actor(FOOD_HANDLER), draft.getId(), CompletionForm.of(null, "请会签"));
        return process;
    }

    private void sign(String signer, ProcessInstance process, String activityId, String decision, String opinion) {
        approvals.complete(actor(signer), signTask(process, activityId, signer).getId(),
                CompletionForm.of(decision, opinion));
    }

    private Task signTask(ProcessInstance process, String activityId, String signer) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(activityId)
                .taskAssignee(signer).singleResult();
    }

    private List<Task> signTasks(ProcessInstance process, String activityId) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(activityId)
                .orderByTaskCreateTime().asc().list();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

}
