package org.tongban.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;

/** The one-window case through the services, on the real engine and database (H2, then MariaDB). */
@SpringBootTest(classes = EngineTestApplication.class)
class CaseServiceIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    HistoryService historyService;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
    }

    @Test
    void restaurantBundleRunsFromIntakeToClosedAcrossFourAgencies() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase());
        assertThat(created.caseNumber()).matches("TB\\d{8}\\d{5}");
        assertThat(created.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(created.openSteps()).extracting(CaseView.OpenStep::activityId, CaseView.OpenStep::assignee)
                .containsExactly(tuple("intake", WINDOW_CLERK));
        long id = created.id();

        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", "材料齐全，予以受理");
        CaseView dispatched = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(dispatched.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(dispatched.reviews()).extracting(CaseView.Review::departmentCode)
                .containsExactlyInAnyOrder("SJ_FOOD", "XF_FIRE", "HJ_APPROVAL", "CG_CITYSCAPE");

        reviewAndGrant(id, FOOD_HANDLER, FOOD_REVIEWER, FOOD_LEADER);
        reviewAndGrant(id, FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER);
        reviewAndGrant(id, ENV_HANDLER, ENV_REVIEWER, null);
        reviewAndGrant(id, CITY_HANDLER, CITY_REVIEWER, null);
        driver.complete(WINDOW_CLERK_2, id, "deliver", null, "窗口领取");

        CaseView closed = cases.get(driver.actor(SUPERVISOR), id);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo("GRANTED");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.openSteps()).isEmpty();
        assertThat(closed.matters()).extracting(CaseView.MatterDecision::decision).containsOnly("GRANT");
        assertThat(closed.reviews()).extracting(CaseView.Review::status, CaseView.Review::decision)
                .containsOnly(tuple("DONE", "GRANT"));
        List<String> steps = closed.timeline().stream().map(CaseView.TimelineEntry::activityId).toList();
        assertThat(steps).startsWith("caseCreated", "intake", "dispatch").endsWith("consolidate", "deliver", "close");
        assertThat(closed.timeline()).filteredOn(e -> "dispatch".equals(e.activityId()))
                .extracting(CaseView.TimelineEntry::opinion).singleElement().asString()
                .startsWith("分送 ").contains("食品经营监管处", "防火监督处").doesNotContain("SJ_FOOD");
        assertThat(steps).filteredOn("handle"::equals).hasSize(4);
        assertThat(steps).filteredOn("leaderApproval"::equals).hasSize(2);
        assertThat(closed.timeline()).filteredOn(e -> "leaderApproval".equals(e.activityId()))
                .extracting(CaseView.TimelineEntry::actor).containsExactlyInAnyOrder(FOOD_LEADER, FIRE_LEADER);
    }

    @Test
    void oneDenialDeniesOnlyThatMatter() {
        long id = acceptedRestaurantCase();
        reviewAndGrant(id, FOOD_HANDLER, FOOD_REVIEWER, FOOD_LEADER);
        driver.complete(FIRE_HANDLER, id, "handle", "DENY", "疏散通道宽度不足，不符合 GB 50016");
        driver.complete(FIRE_REVIEWER, id, "review", "DENY", "同意承办意见");
        driver.complete(FIRE_LEADER, id, "leaderApproval", "DENY", "不予许可");
        reviewAndGrant(id, ENV_HANDLER, ENV_REVIEWER, null);
        reviewAndGrant(id, CITY_HANDLER, CITY_REVIEWER, null);

        CaseView decided = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(decided.status()).isEqualTo(CaseStatus.DELIVERING);
        assertThat(decided.outcome()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(decided.matters()).extracting(CaseView.MatterDecision::code, CaseView.MatterDecision::decision)
                .containsExactlyInAnyOrder(tuple("FOOD_BUSINESS_LICENSE", "GRANT"),
                        tuple("FIRE_SAFETY_INSPECTION", "DENY"),
                        tuple("POLLUTANT_DISCHARGE_REGISTRATION", "GRANT"),
                        tuple("OUTDOOR_SIGN_SETUP", "GRANT"));
    }

    @Test
    void refusedAtIntakeEndsTheCaseWithoutDispatch() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase());
        assertThatThrownBy(() -> driver.complete(WINDOW_CLERK, created.id(), "intake", "REFUSE", " "))
                .isInstanceOf(InvalidInputException.class);
        driver.complete(WINDOW_CLERK, created.id(), "intake", "REFUSE", "申请人不具备主体资格");

        CaseView refused = cases.get(driver.actor(WINDOW_CLERK), created.id());
        assertThat(refused.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(refused.reviews()).isEmpty();
        assertThat(refused.openSteps()).isEmpty();
        assertThat(refused.timeline()).extracting(CaseView.TimelineEntry::activityId)
                .containsExactly("caseCreated", "intake", "recordRefusal");
    }

    @Test
    void supplementPausesOnlyTheAskingDepartmentUntilTheWindowRegistersIt() {
        long id = acceptedRestaurantCase();
        driver.complete(FOOD_HANDLER, id, "handle", "SUPPLEMENT", "请补充经营场所平面布局图（标注功能区）");
        assertThat(review(id, "SJ_FOOD").status()).isEqualTo("SUPPLEMENTING");
        // the other departments go on meanwhile
        driver.complete(FIRE_HANDLER, id, "handle", "GRANT", "符合要求");

        assertThatThrownBy(() -> cases.registerSupplement(driver.actor(FOOD_HANDLER), id,
                new SupplementForm(null, "x"))).isInstanceOf(org.tongban.engine.platform.ForbiddenException.class);
        cases.registerSupplement(driver.actor(WINDOW_CLERK_2), id, new SupplementForm("SJ_FOOD", "申请人已补交平面布局图"));
        assertThat(review(id, "SJ_FOOD").status()).isEqualTo("IN_PROGRESS");
        assertThatThrownBy(() -> cases.registerSupplement(driver.actor(WINDOW_CLERK), id, new SupplementForm(null, "again")))
                .isInstanceOf(ConflictException.class);

        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "材料已补正，符合条件");
        assertThat(cases.get(driver.actor(FOOD_HANDLER), id).timeline())
                .extracting(CaseView.TimelineEntry::activityId)
                .containsSubsequence("handle", "registerSupplement", "handle");
    }

    @Test
    void acceptedWithPendingMaterialsCollectsThemBeforeDelivery() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase());
        long id = created.id();
        String intake = driver.task(WINDOW_CLERK, id, "intake").id();
        // a key material cannot be missing: refused, and nothing changes
        assertThatThrownBy(() -> approvals.complete(driver.actor(WINDOW_CLERK), intake,
                new CompletionForm("ACCEPT_WITH_PENDING", "容缺", List.of("FOOD_BUSINESS_LICENSE/BUSINESS_LICENSE"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("关键材料");
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).materials())
                .extracting(CaseView.MaterialState::status).containsOnly("PROVIDED");

        approvals.complete(driver.actor(WINDOW_CLERK), intake, new CompletionForm("ACCEPT_WITH_PENDING",
                "健康证明后补", List.of("FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS")));
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).materials())
                .filteredOn(m -> m.status().equals("PENDING")).extracting(CaseView.MaterialState::code)
                .containsExactly("STAFF_HEALTH_CERTS");
        reviewAndGrant(id, FOOD_HANDLER, FOOD_REVIEWER, FOOD_LEADER);
        reviewAndGrant(id, FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER);
        reviewAndGrant(id, ENV_HANDLER, ENV_REVIEWER, null);
        reviewAndGrant(id, CITY_HANDLER, CITY_REVIEWER, null);

        driver.complete(WINDOW_CLERK, id, "collectPendingMaterials", null, "健康证明已补交");
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).materials())
                .extracting(CaseView.MaterialState::status).doesNotContain("PENDING");
        driver.complete(WINDOW_CLERK, id, "deliver", null, null);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void personsPollutantRegistrationGoesToTheDistrictBranch() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), new CaseForm(null,
                List.of("POLLUTANT_DISCHARGE_REGISTRATION"), ApplicantType.PERSON, "王小明", Fixtures.CITIZEN_ID, null));
        driver.complete(WINDOW_CLERK, created.id(), "intake", "ACCEPT", null);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), created.id()).reviews())
                .extracting(CaseView.Review::departmentCode).containsExactly("HJ_XIHU");
        assertThat(driver.task(ENV_XIHU_HANDLER, created.id(), "handle").departmentCode()).isEqualTo("HJ_XIHU");
    }

    @Test
    void anotherDepartmentNeitherSeesNorActsOnTheTaskOrTheCase() {
        long id = acceptedRestaurantCase();
        TaskView foodTask = driver.task(FOOD_HANDLER, id, "handle");
        var stranger = driver.actor("xuli"); // 登记注册处, same agency, not dispatched
        assertThat(approvals.todo(stranger, 0, 100).items())
                .noneMatch(t -> t.subject() != null && t.subject().id() == id);
        assertThatThrownBy(() -> approvals.task(stranger, foodTask.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approvals.claim(stranger, foodTask.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approvals.complete(stranger, foodTask.id(), CompletionForm.of("GRANT", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.get(stranger, id)).isInstanceOf(NotFoundException.class);
        // a handler of the fire brigade sees the case (dispatched to it) but not the food department's task
        assertThatThrownBy(() -> approvals.task(driver.actor(FIRE_HANDLER), foodTask.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(cases.get(driver.actor(FIRE_HANDLER), id).id()).isEqualTo(id);
        assertThat(driver.task(FOOD_HANDLER, id, "handle").assignee()).isNull();
    }

    @Test
    void claimedTaskIsAConflictForColleaguesAndABadDecisionChangesNothing() {
        long id = acceptedRestaurantCase();
        TaskView task = driver.task(FOOD_HANDLER, id, "handle");
        approvals.claim(driver.actor(FOOD_HANDLER), task.id());
        assertThatThrownBy(() -> approvals.complete(driver.actor(FOOD_HANDLER_2), task.id(),
                CompletionForm.of("GRANT", null))).isInstanceOf(ConflictException.class).hasMessageContaining("李强");
        assertThatThrownBy(() -> approvals.complete(driver.actor(FOOD_HANDLER), task.id(),
                CompletionForm.of("MAYBE", null))).isInstanceOf(InvalidInputException.class);
        assertThat(driver.task(FOOD_HANDLER, id, "handle").id()).isEqualTo(task.id());
    }

    @Test
    void twoHandlersCompletingTheSameTaskAtOnceGiveOneSuccessAndOneConflict() throws Exception {
        long id = acceptedRestaurantCase();
        String taskId = driver.task(FOOD_HANDLER, id, "handle").id();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = pool.invokeAll(List.of(
                    completeAfter(start, FOOD_HANDLER, taskId), completeAfter(start, FOOD_HANDLER_2, taskId)));
            List<String> outcomes = new java.util.ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
        } finally {
            pool.shutdownNow();
        }
        CaseView after = cases.get(driver.actor(FOOD_HANDLER), id);
        assertThat(after.timeline()).filteredOn(e -> "handle".equals(e.activityId())).hasSize(1);
        assertThat(after.openSteps()).filteredOn(s -> "SJ_FOOD".equals(s.departmentCode()))
                .extracting(CaseView.OpenStep::activityId).containsExactly("review");
    }

    @Test
    void namesOutsideTheBasicPlaneSurviveEngineAndPlatformTables() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        driver.complete(WINDOW_CLERK, created.id(), "intake", "ACCEPT", "𠮷祥的申请材料齐全");
        driver.complete(FOOD_HANDLER_RARE_NAME, created.id(), "handle", "GRANT", "同意，经办人𠮷哲");

        CaseView view = cases.get(driver.actor(WINDOW_CLERK), created.id());
        assertThat(view.applicantName()).isEqualTo("𠮷祥");
        assertThat(view.title()).endsWith("𠮷祥");
        assertThat(view.timeline()).filteredOn(e -> "handle".equals(e.activityId()))
                .extracting(CaseView.TimelineEntry::actorName, CaseView.TimelineEntry::opinion)
                .containsExactly(tuple("𠮷哲", "同意，经办人𠮷哲"));
        String instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(created.id())).singleResult().getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("applicantName")
                .processInstanceIdIn(instance).singleResult().getValue()).isEqualTo("𠮷祥");
    }

    private Callable<String> completeAfter(CyclicBarrier start, String username, String taskId) {
        var actor = driver.actor(username);
        return () -> {
            start.await();
            try {
                approvals.complete(actor, taskId, CompletionForm.of("GRANT", "同意"));
                return "ok";
            } catch (ConflictException e) {
                return "conflict";
            }
        };
    }

    private long acceptedRestaurantCase() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aRestaurantOpeningCase());
        driver.complete(WINDOW_CLERK, created.id(), "intake", "ACCEPT", null);
        return created.id();
    }

    private void reviewAndGrant(long id, String handler, String reviewer, String leader) {
        driver.complete(handler, id, "handle", "GRANT", "经审查，符合许可条件");
        driver.complete(reviewer, id, "review", "GRANT", "同意");
        if (leader != null) {
            driver.complete(leader, id, "leaderApproval", "GRANT", "同意准予许可");
        }
    }

    private CaseView.Review review(long id, String department) {
        return cases.get(driver.actor(WINDOW_CLERK), id).reviews().stream()
                .filter(r -> r.departmentCode().equals(department)).findFirst().orElseThrow();
    }
}
