package org.tongban.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.EngineTime.at;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.EngineTime;
import org.tongban.engine.testsupport.Fixtures;

/**
 * Deadlines of cases and department reviews on the official calendar, 补正 pauses, and the yellow and red timers,
 * driven by the engine's clock (H2, then MariaDB).
 */
@SpringBootTest(classes = EngineTestApplication.class)
class CaseDeadlineIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

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
    void reviewsAndTheCaseAreDueAfterTheirPromisedWorkingDaysAcrossTheNationalDayOf2026() {
        time.set("2026-09-30T09:00");
        long id = acceptedRestaurantCase();

        CaseView view = cases.get(driver.actor(WINDOW_CLERK), id);
        // 9/30 is day 0; 10/1–10/7 off; 10/8, 10/9, Sat 10/10 (调休), 10/12, 10/13 = 5; … 10/20 = 10
        assertThat(view.reviews()).extracting(CaseView.Review::departmentCode, CaseView.Review::limitDays,
                        CaseView.Review::dueAt, CaseView.Review::light)
                .containsExactlyInAnyOrder(
                        tuple("SJ_FOOD", 10, at("2026-10-20T17:30"), TrafficLight.GREEN),
                        tuple("XF_FIRE", 10, at("2026-10-20T17:30"), TrafficLight.GREEN),
                        tuple("HJ_APPROVAL", 5, at("2026-10-13T17:30"), TrafficLight.GREEN),
                        tuple("CG_CITYSCAPE", 5, at("2026-10-13T17:30"), TrafficLight.GREEN));
        assertThat(view.dueAt()).as("the longest of the matters").isEqualTo(at("2026-10-20T17:30"));
        assertThat(view.light()).isEqualTo(TrafficLight.GREEN);
        // task due dates follow the department's clock
        assertThat(driver.task(CITY_HANDLER, id, "handle").dueAt()).isEqualTo(at("2026-10-13T17:30"));
        assertThat(driver.task(FOOD_HANDLER, id, "handle").dueAt()).isEqualTo(at("2026-10-20T17:30"));
        assertThat(view.openSteps()).filteredOn(s -> "XF_FIRE".equals(s.departmentCode()))
                .extracting(CaseView.OpenStep::dueAt).containsExactly(at("2026-10-20T17:30"));
    }

    @Test
    void anApplicationAcceptedAfterOfficeHoursCountsFromTheNextWorkingDay() {
        time.set("2026-09-30T18:05");
        long id = acceptedCase(Fixtures.aFoodLicenceCase());
        // day 0 is 10/8; 10 working days later: 10/9, 10/10, 10/12 … 10/21
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).reviews()).extracting(CaseView.Review::dueAt)
                .containsExactly(at("2026-10-21T17:30"));
    }

    @Test
    void supplementPausesTheDepartmentsClockAndTheResumeGivesBackItsRemainingWorkingDays() {
        time.set("2026-09-30T09:00");
        long id = acceptedRestaurantCase();
        String process = process(id);

        time.set("2026-10-09T10:00");
        driver.complete(FOOD_HANDLER, id, "handle", "SUPPLEMENT", "请补充经营场所平面布局图");
        Deadline paused = deadlines.find(DeadlineKind.CASE_REVIEW, id, "SJ_FOOD").orElseThrow();
        // 10/9 counts as used: 10/10, 10/12 … 10/20 are left
        assertThat(paused.remainingDays()).isEqualTo(8);
        assertThat(paused.pausedAt()).isEqualTo(at("2026-10-09T10:00"));
        assertThat(time.timers(process)).as("food's supplement step has no timers; 3 departments × 2")
                .hasSize(6);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).openSteps())
                .filteredOn(s -> "registerSupplement".equals(s.activityId()))
                .extracting(CaseView.OpenStep::dueAt).containsOnlyNulls();

        time.set("2026-10-16T15:00");
        cases.registerSupplement(driver.actor(WINDOW_CLERK), id, new SupplementForm("SJ_FOOD", "已补交平面布局图"));

        CaseView view = cases.get(driver.actor(WINDOW_CLERK), id);
        CaseView.Review food = view.reviews().stream().filter(r -> r.departmentCode().equals("SJ_FOOD")).findFirst()
                .orElseThrow();
        // resumed on Fri 10/16 (day 0): 10/19 … 10/28 are the 8 days
        assertThat(food.dueAt()).isEqualTo(at("2026-10-28T17:30"));
        assertThat(food.pausedSpans()).extracting(CaseView.PausedSpan::pausedAt, CaseView.PausedSpan::resumedAt,
                CaseView.PausedSpan::remainingDays).containsExactly(
                tuple(at("2026-10-09T10:00"), at("2026-10-16T15:00"), 8));
        assertThat(view.dueAt()).as("the case waits for its slowest department").isEqualTo(at("2026-10-28T17:30"));
        assertThat(driver.task(FOOD_HANDLER, id, "handle").dueAt()).isEqualTo(at("2026-10-28T17:30"));
        assertThat(view.timeline()).extracting(CaseView.TimelineEntry::activityId)
                .containsSubsequence("handle", "clockPaused", "registerSupplement", "clockResumed");
        assertThat(view.timeline()).filteredOn(e -> e.activityId().startsWith("clock"))
                .extracting(CaseView.TimelineEntry::departmentCode).containsOnly("SJ_FOOD");
        // the new handle task's red timer is at the new deadline
        assertThat(time.timers(process)).contains(at("2026-10-28T17:30"));
    }

    @Test
    void yellowWarnsTheHandlersAndRedNotifiesTheLeadersWhileTheReviewGoesOn() {
        time.set("2026-09-30T09:00");
        long id = acceptedCase(Fixtures.aCaseOf("OUTDOOR_SIGN_SETUP"));
        String process = process(id);
        // 5 working days → 10/13 17:30; budget 8.5 h + 45 h; a third of it (17 h 50 min) before the deadline:
        // all of 10/13 (9 h) and 8 h 50 min of 10/12 → 10/12 08:40
        assertThat(time.timers(process)).containsExactly(at("2026-10-12T08:40"), at("2026-10-13T17:30"));

        time.set("2026-10-12T08:39");
        assertThat(time.runDueJobs(process)).isZero();
        assertThat(driver.task(CITY_HANDLER, id, "handle").light()).isEqualTo(TrafficLight.GREEN);
        time.set("2026-10-12T09:00");
        assertThat(time.runDueJobs(process)).isEqualTo(1);
        assertThat(review(id).light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(driver.task(CITY_HANDLER, id, "handle").light()).as("the task's light").isEqualTo(TrafficLight.YELLOW);
        assertThat(mine(CITY_HANDLER, id)).extracting(NotificationView::type).containsExactly(NotificationType.NEARLY_DUE);
        assertThat(mine("qinfeng", id)).isEmpty();

        time.set("2026-10-13T17:31");
        assertThat(time.runDueJobs(process)).isEqualTo(1);
        assertThat(review(id).light()).isEqualTo(TrafficLight.RED);
        assertThat(driver.task(CITY_HANDLER, id, "handle").light()).isEqualTo(TrafficLight.RED);
        assertThat(mine("qinfeng", id)).extracting(NotificationView::type).containsExactly(NotificationType.OVERDUE);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).timeline()).extracting(CaseView.TimelineEntry::activityId)
                .containsSubsequence("reviewDueSoon", "reviewOverdue");

        // the next task's timers fire at once and change nothing
        driver.complete(CITY_HANDLER, id, "handle", "GRANT", "同意");
        assertThat(time.runDueJobs(process)).isEqualTo(2);
        assertThat(mine("qinfeng", id)).hasSize(1);
        assertThat(mine(CITY_HANDLER, id)).hasSize(1);
        driver.complete(CITY_REVIEWER, id, "review", "GRANT", "同意");

        Deadline closed = deadlines.find(DeadlineKind.CASE_REVIEW, id, "CG_CITYSCAPE").orElseThrow();
        assertThat(closed.onTime()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(at("2026-10-13T17:31"));
        assertThat(time.timers(process)).isEmpty();
    }

    @Test
    void aCaseClosedInTimeIsOnTime() {
        time.set("2026-09-30T09:00");
        long id = acceptedCase(Fixtures.aCaseOf("OUTDOOR_SIGN_SETUP"));
        time.set("2026-10-08T10:00");
        driver.complete(CITY_HANDLER, id, "handle", "GRANT", "同意");
        driver.complete(CITY_REVIEWER, id, "review", "GRANT", "同意");
        driver.complete(WINDOW_CLERK, id, "deliver", null, null);

        Deadline review = deadlines.find(DeadlineKind.CASE_REVIEW, id, "CG_CITYSCAPE").orElseThrow();
        Deadline whole = deadlines.find(DeadlineKind.CASE, id, null).orElseThrow();
        assertThat(review.onTime()).isTrue();
        assertThat(whole.onTime()).isTrue();
        assertThat(whole.dueAt()).isEqualTo(at("2026-10-13T17:30"));
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    private List<NotificationView> mine(String username, long caseId) {
        return notifications.list(driver.actor(username), false, 0, 100).items().stream()
                .filter(n -> "CASE".equals(n.subjectType()) && Long.valueOf(caseId).equals(n.subjectId())).toList();
    }

    private CaseView.Review review(long id) {
        return cases.get(driver.actor(WINDOW_CLERK), id).reviews().get(0);
    }

    private String process(long caseId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.ONE_WINDOW_APPROVAL)
                .processInstanceBusinessKey(String.valueOf(caseId)).singleResult().getId();
    }

    private long acceptedRestaurantCase() {
        return acceptedCase(Fixtures.aRestaurantOpeningCase());
    }

    private long acceptedCase(CaseForm form) {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), form);
        driver.complete(WINDOW_CLERK, created.id(), "intake", "ACCEPT", null);
        return created.id();
    }
}
