package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 传阅: every reader gets a reading task of their own; the circulation ends when all have read. */
@Deployment(resources = "bpmn/document-circulation.bpmn")
class DocumentCirculationProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @Test
    void givesEachReaderATaskAndEndsWhenAllHaveRead() {
        List<String> readers = List.of("zhaomin", "sunwei", "xuli");
        ProcessInstance process = runtimeService().startProcessInstanceByKey(ProcessKeys.DOCUMENT_CIRCULATION, "31",
                Variables.createVariables()
                        .putValue("circulationId", 31L)
                        .putValue("documentId", 4711L)
                        .putValue("readers", new ArrayList<>(readers)));

        List<Task> tasks = taskQuery().processInstanceId(process.getId()).list();
        Assertions.assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(readers);
        Assertions.assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsOnly("read");

        complete(reading(process, "sunwei"));
        complete(reading(process, "zhaomin"));
        assertThat(process).isWaitingAt("read");
        Assertions.assertThat(taskQuery().processInstanceId(process.getId()).list()).extracting(Task::getAssignee)
                .containsExactly("xuli");

        complete(reading(process, "xuli"));
        assertThat(process).isEnded().hasPassed("read", "circulated");
    }

    private static Task reading(ProcessInstance process, String reader) {
        return taskQuery().processInstanceId(process.getId()).taskAssignee(reader).singleResult();
    }
}
