package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 公文交换: distributing an outgoing document starts, for each recipient agency, an incoming process waiting for
 * that agency's office to register it; in one command with the distribution, so a failure leaves neither.
 */
@Deployment(resources = {"bpmn/document-outgoing.bpmn", "bpmn/document-incoming.bpmn"})
class DocumentExchangeProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long DOCUMENT_ID = 815L;
    /** 市场监管局 sends to 消防救援支队 (main) and 生态环境局 (copy). */
    private static final Map<String, String> RECIPIENTS = Map.of("HZ_XF", "XF_OFFICE", "HZ_STHJ", "HJ_OFFICE");

    private final DocumentDelegateMocks delegates = new DocumentDelegateMocks();

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void distributionStartsAnIncomingRegistrationInEachRecipientAgency() {
        ProcessInstance outgoing = signedAndSealed(delegates.recipients(RECIPIENTS));

        complete(task("distribute", outgoing));

        assertThat(outgoing).hasPassed("exchange").isWaitingAt("archive");
        List<ProcessInstance> incoming = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.DOCUMENT_INCOMING).list();
        Assertions.assertThat(incoming).hasSize(2);
        for (ProcessInstance registration : incoming) {
            String office = delegates.incomingOffices.get(Long.valueOf(registration.getBusinessKey()));
            assertThat(registration).isWaitingAt("register");
            assertThat(task(registration)).hasCandidateGroup(office + ":office");
        }
        Assertions.assertThat(delegates.incomingOffices.values()).containsExactlyInAnyOrder("XF_OFFICE", "HJ_OFFICE");
    }

    @Test
    void aFailedExchangeLeavesNoIncomingRegistrationAndTheDistributionOpen() {
        ProcessInstance outgoing = signedAndSealed(delegates.recipients(RECIPIENTS).failingAfterFirstRecipient());
        Task distribute = task("distribute", outgoing);

        Assertions.assertThatThrownBy(() -> complete(distribute)).hasMessageContaining("exchange failed");

        Assertions.assertThat(delegates.incomingOffices).hasSize(1); // it did start one, then failed
        Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.DOCUMENT_INCOMING).count()).isZero();
        assertThat(outgoing).isWaitingAt("distribute");
        Assertions.assertThat(taskQuery().taskId(distribute.getId()).count()).isEqualTo(1);
    }

    private ProcessInstance signedAndSealed(DocumentDelegateMocks mocks) {
        mocks.register();
        ProcessInstance process = runtimeService().startProcessInstanceByKey(ProcessKeys.DOCUMENT_OUTGOING,
                Long.toString(DOCUMENT_ID), Variables.createVariables()
                        .putValue("documentId", DOCUMENT_ID)
                        .putValue("drafter", "liqiang")
                        .putValue("draftingDepartment", "SJ_FOOD")
                        .putValue("officeDepartment", "SJ_OFFICE"));
        complete(task(process));
        complete(task("check", process), withVariables("decision", "AGREE", "countersignRequired", false,
                "countersignDepartments", new ArrayList<String>(), "countersignDisagreed", false));
        complete(task("officeReview", process), withVariables("decision", "AGREE"));
        complete(task("signOff", process), withVariables("decision", "SIGN"));
        complete(task("seal", process));
        assertThat(process).isWaitingAt("distribute");
        return process;
    }
}
