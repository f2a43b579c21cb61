package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

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

/** 收文 in the fire brigade: register, propose, instruct, two departments handle in parallel, close, archive. */
@Deployment(resources = "bpmn/document-incoming.bpmn")
class DocumentIncomingProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long DOCUMENT_ID = 901L;

    private final DocumentDelegateMocks delegates = new DocumentDelegateMocks();

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void runsFromRegistrationThroughParallelHandlingToArchive() {
        delegates.register();
        ProcessInstance process = runtimeService().startProcessInstanceByKey(ProcessKeys.DOCUMENT_INCOMING,
                Long.toString(DOCUMENT_ID), Variables.createVariables()
                        .putValue("documentId", DOCUMENT_ID)
                        .putValue("officeDepartment", "XF_OFFICE"));

        assertThat(task(process)).hasCandidateGroup("XF_OFFICE:office");
        complete(task("register", process));
        assertThat(task("propose", process)).hasCandidateGroup("XF_OFFICE:office");
        complete(task("propose", process));
        Task instruct = task("instruct", process);
        assertThat(instruct).hasCandidateGroup("XF_OFFICE:leader");
        complete(instruct, withVariables("handlingDepartments", new ArrayList<>(List.of("XF_FIRE", "XF_OFFICE"))));

        List<Task> handling = taskQuery().processInstanceId(process.getId()).taskDefinitionKey("handle").list();
        Assertions.assertThat(handling).hasSize(2);
        Task fire = taskQuery().processInstanceId(process.getId()).taskDefinitionKey("handle")
                .taskCandidateGroup("XF_FIRE:handler").singleResult();
        Assertions.assertThat(fire).isNotNull();
        complete(fire);
        // the close waits for every handling department
        assertThat(process).isWaitingAt("handle").hasNotPassed("close");
        complete(taskQuery().processInstanceId(process.getId()).taskDefinitionKey("handle")
                .taskCandidateGroup("XF_OFFICE:handler").singleResult());

        assertThat(task("close", process)).hasCandidateGroup("XF_OFFICE:office");
        complete(task("close", process));

        assertThat(process).isEnded().hasPassed("register", "propose", "instruct", "handle", "close",
                "recordArchive", "archived");
        Assertions.assertThat(delegates.archivedDocuments).containsExactly(DOCUMENT_ID);
    }
}
