package org.tongban.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
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

/** 发文: a food-department notice from draft to archive, with countersign by two other agencies. */
@Deployment(resources = {"bpmn/document-outgoing.bpmn", "bpmn/document-incoming.bpmn"})
class DocumentOutgoingProcessTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final long DOCUMENT_ID = 4711L;
    private static final String DRAFTER = "liqiang";

    private final DocumentDelegateMocks delegates = new DocumentDelegateMocks();

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void runsFromDraftThroughCountersignOfTwoAgenciesToArchive() {
        ProcessInstance process = startDraft();
        assertThat(process).isWaitingAt("draft");
        assertThat(task(process)).isAssignedTo(DRAFTER);
        complete(task(process));

        Task check = task("check", process);
        assertThat(check).hasCandidateGroup("SJ_FOOD:reviewer");
        complete(check, checkAgreed("XF_FIRE", "HJ_APPROVAL"));

        assertThat(process).isWaitingAt("countersign");
        complete(countersign(process, "XF_FIRE"));
        assertThat(process).isWaitingAt("countersign");
        complete(countersign(process, "HJ_APPROVAL"));

        Task officeReview = task("officeReview", process);
        assertThat(officeReview).hasCandidateGroup("SJ_OFFICE:office");
        complete(officeReview, withVariables("decision", "AGREE"));
        Task signOff = task("signOff", process);
        assertThat(signOff).hasCandidateGroup("SJ_FOOD:leader");
        Assertions.assertThat(delegates.numberedDocuments).isEmpty();
        complete(signOff, withVariables("decision", "SIGN"));

        // numbering runs in the sign-off's own command
        Assertions.assertThat(delegates.numberedDocuments).containsExactly(DOCUMENT_ID);
        Task seal = task("seal", process);
        assertThat(seal).hasCandidateGroup("SJ_OFFICE:office");
        complete(seal);
        complete(task("distribute", process));
        Assertions.assertThat(delegates.exchangedDocuments).containsExactly(DOCUMENT_ID);
        assertThat(task("archive", process)).hasCandidateGroup("SJ_OFFICE:office");
        complete(task("archive", process));

        assertThat(process).isEnded()
                .hasPassed("draft", "check", "countersign", "officeReview", "signOff", "numbering", "seal",
                        "distribute", "exchange", "archive", "recordArchive", "archived");
        Assertions.assertThat(passCount(process, "countersign")).isEqualTo(2);
        Assertions.assertThat(delegates.archivedDocuments).containsExactly(DOCUMENT_ID);
    }

    @Test
    void returnsToTheDrafterWhenOneCountersigningDepartmentDisagrees() {
        ProcessInstance process = startDraft();
        complete(task(process));
        complete(task("check", process), checkAgreed("XF_FIRE", "HJ_APPROVAL"));

        complete(countersign(process, "XF_FIRE"), withVariables("countersignDisagreed", true));
        // the disagreement lands on the process, while the other department still answers
        Assertions.assertThat(runtimeService().getVariable(process.getId(), "countersignDisagreed")).isEqualTo(true);
        assertThat(process).isWaitingAt("countersign");
        complete(countersign(process, "HJ_APPROVAL"));

        assertThat(process).isWaitingAt("draft").hasNotPassed("officeReview");
        Assertions.assertThat(passCount(process, "draft")).isEqualTo(1);
        complete(task(process));
        complete(task("check", process), checkAgreed("XF_FIRE"));
        complete(countersign(process, "XF_FIRE"));

        assertThat(process).isWaitingAt("officeReview");
        Assertions.assertThat(passCount(process, "countersign")).isEqualTo(3);
    }

    @Test
    void goesStraightToTheOfficeWhenNobodyIsAskedToCountersign() {
        ProcessInstance process = startDraft();
        complete(task(process));

        complete(task("check", process), checkAgreed());

        assertThat(process).isWaitingAt("officeReview").hasNotPassed("countersign");
    }

    @Test
    void returnsTheDraftFromCheckOfficeReviewAndSignOff() {
        ProcessInstance process = startDraft();
        complete(task(process));
        complete(task("check", process), withVariables("decision", "RETURN"));
        assertThat(process).isWaitingAt("draft");

        complete(task(process));
        complete(task("check", process), checkAgreed());
        complete(task("officeReview", process), withVariables("decision", "RETURN"));
        assertThat(process).isWaitingAt("draft");

        complete(task(process));
        complete(task("check", process), checkAgreed());
        complete(task("officeReview", process), withVariables("decision", "AGREE"));
        complete(task("signOff", process), withVariables("decision", "RETURN"));
        assertThat(process).isWaitingAt("draft").hasNotPassed("numbering");
        Assertions.assertThat(passCount(process, "draft")).isEqualTo(3);
        Assertions.assertThat(delegates.numberedDocuments).isEmpty();
    }

    private ProcessInstance startDraft() {
        delegates.register();
        return runtimeService().startProcessInstanceByKey(ProcessKeys.DOCUMENT_OUTGOING, Long.toString(DOCUMENT_ID),
                Variables.createVariables()
                        .putValue("documentId", DOCUMENT_ID)
                        .putValue("drafter", DRAFTER)
                        .putValue("draftingDepartment", "SJ_FOOD")
                        .putValue("officeDepartment", "SJ_OFFICE"));
    }

    /** What the check handler sets on AGREE. */
    private static java.util.Map<String, Object> checkAgreed(String... countersignDepartments) {
        return Variables.createVariables()
                .putValue("decision", "AGREE")
                .putValue("countersignRequired", countersignDepartments.length > 0)
                .putValue("countersignDepartments", new ArrayList<>(List.of(countersignDepartments)))
                .putValue("countersignDisagreed", false);
    }

    private static Task countersign(ProcessInstance process, String department) {
        String group = department + ":reviewer";
        Task found = taskQuery().processInstanceId(process.getId()).taskDefinitionKey("countersign")
                .taskCandidateGroup(group).singleResult();
        Assertions.assertThat(found).as("countersign offered to %s", group).isNotNull();
        return found;
    }

    private static long passCount(ProcessInstance process, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(activityId).finished().count();
    }
}
