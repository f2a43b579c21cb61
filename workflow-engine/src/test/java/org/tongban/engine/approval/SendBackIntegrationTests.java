package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.SignDriver;
import org.tongban.engine.testsupport.TestProcesses;

/**
 * 退回 and 撤回 on the one-window process (parallel multi-instance review) and the test models (a multi-instance
 * sign step, a parallel split and join): the case never keeps an orphan task or a stuck join.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class SendBackIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    SendBackService sendBacks;
    @Autowired
    DirectoryService directory;

    CaseDriver driver;
    SignDriver signs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new CaseDriver(approvals, directory);
        signs = new SignDriver(runtime, tasks, approvals, directory);
    }

    @Test
    void sendBackInsideADepartmentsBranchAffectsThatBranchOnly() {
        long id = acceptedRestaurantCase();
        ProcessInstance process = process(id);
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "符合条件");
        driver.complete(FIRE_HANDLER, id, "handle", "GRANT", null);
        String review = driver.task(FOOD_REVIEWER, id, "review").id();

        assertThat(sendBacks.targets(driver.actor(FOOD_REVIEWER), review)).extracting(EarlierStep::activityId,
                EarlierStep::assignee).containsExactly(tuple("handle", FOOD_HANDLER), tuple("intake", WINDOW_CLERK));
        MoveResult moved = sendBacks.sendBack(driver.actor(FOOD_REVIEWER), review,
                new SendBackForm("handle", "现场核查照片不清晰，请补充"));

        assertThat(moved.stepName()).isEqualTo("承办");
        assertThat(tasks.createTaskQuery().taskId(moved.taskIds().get(0)).singleResult().getAssignee()).isEqualTo(FOOD_HANDLER);
        BpmnAwareTests.assertThat(process).isWaitingAt("handle", "review");
        assertThat(openTasks(process)).extracting(Task::getTaskDefinitionKey, Task::getAssignee).containsExactlyInAnyOrder(
                tuple("handle", FOOD_HANDLER), tuple("review", null), tuple("handle", null), tuple("handle", null));
        assertThat(driver.task(FIRE_REVIEWER, id, "review")).isNotNull();

        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "已补充照片");
        grantRest(id);
        CaseView done = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(done.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(done.outcome()).isEqualTo("GRANTED");
        assertThat(done.timeline()).extracting(CaseView.TimelineEntry::decision, CaseView.TimelineEntry::actor,
                CaseView.TimelineEntry::opinion).contains(tuple("SEND_BACK", FOOD_REVIEWER, "→ 承办：现场核查照片不清晰，请补充"));
        BpmnAwareTests.assertThat(process).isEnded();
    }

    @Test
    void sendBackToIntakeCancelsTheWholeParallelReviewAndDispatchesAgainAfterResubmission() {
        long id = acceptedRestaurantCase();
        ProcessInstance process = process(id);
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", null);
        driver.complete(ENV_HANDLER, id, "handle", "DENY", "排污口位置不符");
        String review = driver.task(FOOD_REVIEWER, id, "review").id();

        sendBacks.sendBack(driver.actor(FOOD_REVIEWER), review, new SendBackForm("intake", "申请人名称与营业执照不一致"));

        BpmnAwareTests.assertThat(process).isWaitingAt("intake").isNotWaitingAt("handle", "review");
        assertThat(openTasks(process)).extracting(Task::getTaskDefinitionKey, Task::getAssignee)
                .containsExactly(tuple("intake", WINDOW_CLERK));
        CaseView back = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(back.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(back.reviews()).extracting(CaseView.Review::status).containsOnly("CANCELLED");
        assertThat(back.reviews()).extracting(CaseView.Review::decision).containsOnlyNulls();
        assertThat(approvals.todo(driver.actor(FIRE_HANDLER), 0, 100).items()).noneMatch(t -> t.subject().id() == id);

        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", "已更正申请人名称");
        assertThat(openTasks(process)).extracting(Task::getTaskDefinitionKey).containsExactly("handle", "handle", "handle", "handle");
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).reviews()).extracting(CaseView.Review::status)
                .containsOnly("IN_PROGRESS");
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", null);
        driver.complete(ENV_HANDLER, id, "handle", "GRANT", null);
        grantRest(id);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).outcome()).isEqualTo("GRANTED");
        BpmnAwareTests.assertThat(process).isEnded();
    }

    @Test
    void sendBackOutOfAParallelMultiInstanceStepCancelsEverySignerAndStartsAFreshRound() {
        ProcessInstance process = signs.drafted(TestProcesses.COUNTERSIGN, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        signs.sign(FOOD_REVIEWER, process, "countersign", "AGREE");
        String fire = signs.task(process, "countersign", FIRE_REVIEWER).getId();

        sendBacks.sendBack(signs.actor(FIRE_REVIEWER), fire, new SendBackForm("draft", "请补充消防章节"));

        BpmnAwareTests.assertThat(process).isWaitingAt("draft").isNotWaitingAt("countersign");
        assertThat(openTasks(process)).extracting(Task::getAssignee).containsExactly(FOOD_HANDLER);
        approvals.complete(signs.actor(FOOD_HANDLER), signs.task(process, "draft", FOOD_HANDLER).getId(),
                CompletionForm.of(null, "已补充"));
        assertThat(signs.assignees(process, "countersign")).containsExactlyInAnyOrder(FOOD_REVIEWER, FIRE_REVIEWER, ENV_REVIEWER);
        signs.sign(FOOD_REVIEWER, process, "countersign", "AGREE");
        signs.sign(FIRE_REVIEWER, process, "countersign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("countersign");
        signs.sign(ENV_REVIEWER, process, "countersign", "AGREE");
        BpmnAwareTests.assertThat(process).isWaitingAt("archive");
    }

    @Test
    void sendBackBeforeAParallelSplitAlsoTakesBackTheTokenWaitingAtTheJoin() {
        ProcessInstance process = TestProcesses.startParallelReview(runtime, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        approvals.complete(signs.actor(FOOD_HANDLER), signs.task(process, "draft", FOOD_HANDLER).getId(), CompletionForm.of(null, null));
        approvals.complete(signs.actor(FIRE_REVIEWER), signs.task(process, "financeReview", FIRE_REVIEWER).getId(),
                CompletionForm.of(null, "预算无误"));
        BpmnAwareTests.assertThat(process).isWaitingAt("legalReview");

        sendBacks.sendBack(signs.actor(FOOD_REVIEWER), signs.task(process, "legalReview", FOOD_REVIEWER).getId(),
                new SendBackForm("draft", "法律依据引用错误"));
        assertThat(runtime.getActivityInstance(process.getId()).getChildActivityInstances())
                .extracting(a -> a.getActivityId()).containsExactly("draft");

        approvals.complete(signs.actor(FOOD_HANDLER), signs.task(process, "draft", FOOD_HANDLER).getId(), CompletionForm.of(null, null));
        approvals.complete(signs.actor(FOOD_REVIEWER), signs.task(process, "legalReview", FOOD_REVIEWER).getId(),
                CompletionForm.of(null, null));
        // the join waits for the new finance review: the old token did not survive to fire it early
        BpmnAwareTests.assertThat(process).isWaitingAt("financeReview").isNotWaitingAt("archive");
        approvals.complete(signs.actor(FIRE_REVIEWER), signs.task(process, "financeReview", FIRE_REVIEWER).getId(),
                CompletionForm.of(null, null));
        BpmnAwareTests.assertThat(process).isWaitingAt("archive");
    }

    @Test
    void refusesToSendBackIntoOneBranchOfAJoinThatOtherBranchesAlreadyPassed() {
        ProcessInstance process = TestProcesses.startParallelReview(runtime, FOOD_HANDLER, FOOD_REVIEWER, FIRE_REVIEWER);
        approvals.complete(signs.actor(FOOD_HANDLER), signs.task(process, "draft", FOOD_HANDLER).getId(), CompletionForm.of(null, null));
        approvals.complete(signs.actor(FOOD_REVIEWER), signs.task(process, "legalReview", FOOD_REVIEWER).getId(), CompletionForm.of(null, null));
        approvals.complete(signs.actor(FIRE_REVIEWER), signs.task(process, "financeReview", FIRE_REVIEWER).getId(), CompletionForm.of(null, null));
        String archive = signs.task(process, "archive", FOOD_HANDLER).getId();

        assertThat(sendBacks.targets(signs.actor(FOOD_HANDLER), archive)).extracting(EarlierStep::activityId)
                .containsExactly("draft");
        assertThatThrownBy(() -> sendBacks.sendBack(signs.actor(FOOD_HANDLER), archive,
                new SendBackForm("legalReview", "重审"))).isInstanceOf(ConflictException.class).hasMessageContaining("汇聚");
        BpmnAwareTests.assertThat(process).isWaitingAt("archive");

        sendBacks.sendBack(signs.actor(FOOD_HANDLER), archive, new SendBackForm("draft", "重新起草"));
        BpmnAwareTests.assertThat(process).isWaitingAt("draft");
    }

    @Test
    void sendBackNeedsAReasonAndAnEarlierStepOfTheSameBranch() {
        long id = acceptedRestaurantCase();
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", null);
        String review = driver.task(FOOD_REVIEWER, id, "review").id();
        String fireHandle = driver.task(FIRE_HANDLER, id, "handle").id();

        assertThatThrownBy(() -> sendBacks.sendBack(driver.actor(FOOD_REVIEWER), review, new SendBackForm("handle", " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
        assertThatThrownBy(() -> sendBacks.sendBack(driver.actor(FOOD_REVIEWER), review, new SendBackForm("review", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sendBacks.sendBack(driver.actor(FOOD_REVIEWER), review, new SendBackForm("deliver", "x")))
                .isInstanceOf(InvalidInputException.class);
        // the fire department's handle has not been done in the fire branch: nothing to go back to but intake
        assertThatThrownBy(() -> sendBacks.sendBack(driver.actor(FIRE_HANDLER), fireHandle, new SendBackForm("review", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sendBacks.sendBack(driver.actor(FIRE_REVIEWER), review, new SendBackForm("handle", "x")))
                .isInstanceOf(NotFoundException.class);
        assertThat(driver.task(FOOD_REVIEWER, id, "review").id()).isEqualTo(review);
    }

    @Test
    void theSenderWithdrawsWhileTheNextStepIsUntouched() {
        long id = acceptedRestaurantCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "符合条件");
        assertThat(driver.task(FOOD_REVIEWER, id, "review")).isNotNull();

        assertThatThrownBy(() -> sendBacks.withdraw(driver.actor(FOOD_HANDLER_2), handle, new OpinionForm(null)))
                .isInstanceOf(NotFoundException.class);
        MoveResult moved = sendBacks.withdraw(driver.actor(FOOD_HANDLER), handle, new OpinionForm("意见写错了"));

        assertThat(moved.activityId()).isEqualTo("handle");
        assertThat(tasks.createTaskQuery().taskId(moved.taskIds().get(0)).singleResult().getAssignee()).isEqualTo(FOOD_HANDLER);
        assertThat(approvals.todo(driver.actor(FOOD_REVIEWER), 0, 100).items()).noneMatch(t -> t.subject().id() == id);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).timeline()).extracting(CaseView.TimelineEntry::decision,
                CaseView.TimelineEntry::actor).contains(tuple("WITHDRAW", FOOD_HANDLER));
        assertThatThrownBy(() -> sendBacks.withdraw(driver.actor(FOOD_HANDLER), handle, new OpinionForm(null)))
                .isInstanceOf(ConflictException.class);
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "符合条件");
        grantRest(id);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void withdrawIsRefusedOnceTheNextStepIsClaimed() {
        long id = acceptedRestaurantCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", null);
        approvals.claim(driver.actor(FOOD_REVIEWER), driver.task(FOOD_REVIEWER, id, "review").id());

        assertThatThrownBy(() -> sendBacks.withdraw(driver.actor(FOOD_HANDLER), handle, new OpinionForm(null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("签收");
        assertThat(driver.task(FOOD_REVIEWER, id, "review").assignee()).isEqualTo(FOOD_REVIEWER);
    }

    @Test
    void theWindowWithdrawsAnAcceptanceBeforeAnyDepartmentActs() {
        long id = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase()).id();
        String intake = driver.task(WINDOW_CLERK, id, "intake").id();
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", null);

        sendBacks.withdraw(driver.actor(WINDOW_CLERK), intake, new OpinionForm("漏收材料"));

        ProcessInstance process = process(id);
        assertThat(openTasks(process)).extracting(Task::getTaskDefinitionKey).containsExactly("intake");
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).status()).isEqualTo(CaseStatus.RECEIVED);
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", null);
        assertThat(openTasks(process)).extracting(Task::getTaskDefinitionKey).hasSize(4).containsOnly("handle");
    }

    private long acceptedRestaurantCase() {
        long id = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase()).id();
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", "材料齐全");
        return id;
    }

    /** Grants what is still open in the review and delivers. */
    private void grantRest(long id) {
        for (List<String> people : List.of(List.of(FOOD_HANDLER, FOOD_REVIEWER, FOOD_LEADER),
                List.of(FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER), List.of(ENV_HANDLER, ENV_REVIEWER),
                List.of(CITY_HANDLER, CITY_REVIEWER))) {
            List<String> steps = List.of("handle", "review", "leaderApproval");
            for (int i = 0; i < people.size(); i++) {
                String user = people.get(i);
                String step = steps.get(i);
                boolean open = approvals.todo(driver.actor(user), 0, 100).items().stream()
                        .anyMatch(t -> t.subject() != null && t.subject().id() == id && t.activityId().equals(step));
                if (open) {
                    driver.complete(user, id, step, "GRANT", null);
                }
            }
        }
        driver.complete(WINDOW_CLERK_2, id, "deliver", null, "已送达");
    }

    private ProcessInstance process(long caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(caseId)).singleResult();
    }

    private List<Task> openTasks(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).orderByTaskCreateTime().asc().list();
    }
}
