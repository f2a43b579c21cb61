package org.tongban.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.EngineTime.at;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.supervision.SupervisionItemView;
import org.tongban.engine.supervision.SupervisionService;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.engine.testsupport.Fixtures;

/**
 * The applicant side through the services on the real engine and database: the verification code and the status
 * look-up, 好差评 traced to a step with its rectification, trips and the 最多跑一次 share, the 容缺 deadline and its
 * escalation (H2, then MariaDB).
 */
@SpringBootTest(classes = EngineTestApplication.class)
class ApplicantSideIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApplicantService applicants;
    @Autowired
    PendingMaterialsLedger ledger;
    @Autowired
    SupervisionService supervision;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    NotificationService notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    CaseDriver driver;
    EngineTime time;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
        time = new EngineTime(managementService);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void theCodeIsGivenOnceSentBySmsAndOpensOnlyTheCaseStatus() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        String code = created.accessCode();
        assertThat(code).matches("[2-9A-Z]{6}");
        assertThat(cases.get(driver.actor(WINDOW_CLERK), created.id()).accessCode()).as("never again").isNull();
        assertThat(jdbc.queryForObject("SELECT access_code_hash FROM tb_case WHERE id = ?", String.class, created.id()))
                .startsWith("$2").doesNotContain(code);
        assertThat(jdbc.queryForList("SELECT recipient, body FROM tb_outbox WHERE channel = 'sms' AND body LIKE ?",
                "%" + created.caseNumber() + "%")).singleElement()
                .satisfies(sms -> {
                    assertThat(sms.get("RECIPIENT").toString()).isEqualTo("13900000000");
                    assertThat(sms.get("BODY").toString()).contains(code);
                });

        PublicCaseStatus status = applicants.status(new CaseStatusQuery(created.caseNumber(), code.toLowerCase()));
        assertThat(status.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(status.statusLabel()).isEqualTo("待受理");
        assertThat(status.currentSteps()).containsExactly("一窗受理");
        assertThat(status.nextStep()).contains("窗口");
        assertThat(status.toString()).doesNotContain("𠮷祥", Fixtures.CITIZEN_ID, "13900000000", WINDOW_CLERK, "张丽");

        driver.complete(WINDOW_CLERK, created.id(), "intake", "ACCEPT", "材料齐全");
        PublicCaseStatus inReview = applicants.status(new CaseStatusQuery(created.caseNumber(), code));
        assertThat(inReview.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(inReview.currentSteps()).containsExactly("食品经营监管处 · 承办");
        assertThat(inReview.dueAt()).isNotNull();

        String wrong = code.equals("222222") ? "333333" : "222222";
        Throwable wrongCode = catchNotFound(created.caseNumber(), wrong);
        Throwable unknownCase = catchNotFound("TB2099010199999", code);
        assertThat(wrongCode).hasMessage(unknownCase.getMessage());
        assertThat(catchNotFound(created.caseNumber(), null)).hasMessage(unknownCase.getMessage());
    }

    @Test
    void aPoorRatingIsTracedToTheSlowestStepAndOpensARectificationForThatDepartmentsLeader() {
        time.set("2026-11-02T09:00");
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        long id = created.id();
        String code = created.accessCode();
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", "材料齐全");
        assertThatThrownBy(() -> applicants.rate(new RatingForm(created.caseNumber(), code, 5, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("办结后");
        time.set("2026-11-02T10:00");
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "符合条件");
        time.set("2026-11-05T16:00"); // the review lies three working days on the reviewer's desk
        driver.complete(FOOD_REVIEWER, id, "review", "GRANT", "同意");
        completeRest(id);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).status()).isEqualTo(CaseStatus.CLOSED);

        assertThatThrownBy(() -> applicants.rate(new RatingForm(created.caseNumber(), code, 1, " ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> applicants.rate(new RatingForm(created.caseNumber(), code, 6, "太好了")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(applicants.status(new CaseStatusQuery(created.caseNumber(), code)).canRate()).isTrue();

        PublicCaseStatus rated = applicants.rate(new RatingForm(created.caseNumber(), code, 1, "审核拖了好几天，没人告知进度"));
        assertThat(rated.rated()).isTrue();
        assertThat(rated.canRate()).isFalse();
        CaseView.Rating rating = cases.get(driver.actor(WINDOW_CLERK), id).rating();
        assertThat(rating.score()).isEqualTo(1);
        assertThat(rating.tracedActivityName()).isEqualTo("审核");
        assertThat(rating.tracedDepartment()).isEqualTo("SJ_FOOD");
        assertThat(rating.tracedReason()).contains("用时最长");
        assertThat(rating.rectificationItemId()).isNotNull();

        SupervisionItemView item = supervision.get(driver.actor(SUPERVISOR), rating.rectificationItemId());
        assertThat(item.source().name()).isEqualTo("RATING");
        assertThat(item.sourceRef()).isEqualTo(created.caseNumber());
        assertThat(item.subItems()).singleElement().satisfies(s -> assertThat(s.unitDepartment()).isEqualTo("SJ_FOOD"));
        Task report = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(item.id()))
                .taskDefinitionKey("report").singleResult();
        assertThat(taskService.getIdentityLinksForTask(report.getId())).filteredOn(l -> IdentityLinkType.CANDIDATE
                .equals(l.getType())).extracting(l -> l.getGroupId()).containsExactly("SJ_FOOD:leader");
        // the leader reports the rectification through the ordinary supervision steps
        driver.complete(FOOD_LEADER, item.id(), "report", "REQUEST_CLOSE", "已约谈审核人员，建立进度告知制度");

        assertThatThrownBy(() -> applicants.rate(new RatingForm(created.caseNumber(), code, 5, "改了就好")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aGoodRatingOpensNothingAndTripsCountTowardsTheOneTripShare() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        VisitStatistics before = applicants.visitStatistics(driver.actor(SUPERVISOR), today, today);

        CaseView once = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        assertThat(once.visits()).extracting(CaseView.Visit::purpose).containsExactly("APPLY");
        runToClosed(once.id());
        CaseView twice = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        assertThatThrownBy(() -> applicants.recordVisit(driver.actor(FOOD_HANDLER), twice.id(),
                new VisitForm("COLLECT", null))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> applicants.recordVisit(driver.actor(WINDOW_CLERK), twice.id(),
                new VisitForm("SHOPPING", null))).isInstanceOf(InvalidInputException.class);
        assertThat(applicants.recordVisit(driver.actor(WINDOW_CLERK), twice.id(), new VisitForm("COLLECT", "现场领证"))
                .visits()).extracting(CaseView.Visit::purpose, CaseView.Visit::recordedByName)
                .containsExactly(tuple("APPLY", "张丽"), tuple("COLLECT", "张丽"));
        runToClosed(twice.id());

        applicants.rate(new RatingForm(once.caseNumber(), once.accessCode(), 5, "一次办好"));
        assertThat(cases.get(driver.actor(WINDOW_CLERK), once.id()).rating().rectificationItemId()).isNull();

        VisitStatistics after = applicants.visitStatistics(driver.actor(SUPERVISOR), today, today);
        assertThat(after.closedCases() - before.closedCases()).isEqualTo(2);
        assertThat(after.atMostOneVisit() - before.atMostOneVisit()).isEqualTo(1);
        assertThat(after.share()).isBetween(0.0, 1.0);
        // a department without a window has no cases of its own to count
        assertThat(applicants.visitStatistics(driver.actor(FIRE_HANDLER), today, today).closedCases()).isZero();
    }

    @Test
    void pendingMaterialsAreDueAfterFiveWorkingDaysAndEscalateOnceWhenStillMissing() {
        time.set("2026-09-30T09:00");
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
        long id = created.id();
        approvals.complete(driver.actor(WINDOW_CLERK), driver.task(WINDOW_CLERK, id, "intake").id(),
                new org.tongban.engine.approval.CompletionForm("ACCEPT_WITH_PENDING", "健康证明容后补交",
                        List.of("FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS")));
        // 9/30 is day 0; 10/1–10/7 off; 10/8, 10/9, Sat 10/10 (调休), 10/12, 10/13 = 5
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).pendingMaterialsDueAt()).isEqualTo(at("2026-10-13T17:30"));
        assertThat(ledger.ledger(driver.actor(WINDOW_CLERK))).filteredOn(e -> e.caseId() == id).singleElement()
                .satisfies(e -> {
                    assertThat(e.missing()).containsExactly("从业人员健康证明");
                    assertThat(e.overdue()).isFalse();
                });
        assertThat(ledger.ledger(driver.actor(FIRE_HANDLER))).noneMatch(e -> e.caseId() == id);
        assertThat(applicants.status(new CaseStatusQuery(created.caseNumber(), created.accessCode())).nextStep())
                .contains("从业人员健康证明").contains("2026-10-13 17:30");

        time.set("2026-10-13T17:29");
        assertThat(ledger.escalateDue()).isZero();
        time.set("2026-10-13T17:31");
        assertThat(ledger.escalateDue()).isEqualTo(1);
        assertThat(ledger.escalateDue()).as("once").isZero();

        CaseView escalated = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(escalated.timeline()).extracting(CaseView.TimelineEntry::activityName).contains("容缺逾期");
        assertThat(ledger.ledger(driver.actor(SUPERVISOR))).filteredOn(e -> e.caseId() == id).singleElement()
                .satisfies(e -> {
                    assertThat(e.overdue()).isTrue();
                    assertThat(e.escalatedAt()).isNotNull();
                });
        assertThat(notifications.list(driver.actor(SUPERVISOR), false, 0, 50).items())
                .filteredOn(n -> n.type() == NotificationType.ESCALATION)
                .extracting(NotificationView::title).anyMatch(t -> t.contains(created.caseNumber()));
    }

    private Throwable catchNotFound(String caseNumber, String code) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> applicants.status(new CaseStatusQuery(caseNumber, code)));
        assertThat(thrown).isInstanceOf(NotFoundException.class);
        return thrown;
    }

    private void runToClosed(long id) {
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", "材料齐全");
        driver.complete(FOOD_HANDLER, id, "handle", "GRANT", "符合条件");
        driver.complete(FOOD_REVIEWER, id, "review", "GRANT", "同意");
        completeRest(id);
    }

    /** Leader approval when the matter needs it, then delivery. */
    private void completeRest(long id) {
        CaseView view = cases.get(driver.actor(WINDOW_CLERK), id);
        if (view.openSteps().stream().anyMatch(s -> s.activityId().equals("leaderApproval"))) {
            driver.complete(FOOD_LEADER, id, "leaderApproval", "GRANT", "同意");
        }
        driver.complete(WINDOW_CLERK_2, id, "deliver", null, "窗口领取");
    }
}
