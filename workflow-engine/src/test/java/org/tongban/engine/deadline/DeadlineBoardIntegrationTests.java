package org.tongban.engine.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.EngineTime.at;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.deadline.persistence.DeadlineMapper;
import org.tongban.engine.deadline.persistence.DeadlineStepRow;
import org.tongban.engine.testsupport.EngineTime;

/**
 * The board's lights, filters, "at risk" prediction and statistics over clocks with a known history (two made-up
 * departments, so other tests' clocks in the shared database do not count). March 2026 has no holiday; office
 * hours are 08:30–17:30, 9 working hours a day.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class DeadlineBoardIntegrationTests {

    private static final String RISKY = "TEST_RISKY_UNIT";
    private static final String CALM = "TEST_CALM_UNIT";
    /** The history of the statistics test, apart from the one the risk test builds. */
    private static final String COUNTED = "TEST_COUNTED_UNIT";
    private static final Set<String> UNITS = Set.of(RISKY, CALM, COUNTED);
    private static final Set<DeadlineKind> REVIEWS = Set.of(DeadlineKind.CASE_REVIEW);
    private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    DeadlineService deadlines;
    @Autowired
    DeadlineBoard board;
    @Autowired
    DeadlineMapper mapper;
    @Autowired
    ManagementService managementService;
    @Autowired
    WorkCalendarService calendars;

    EngineTime time;

    @BeforeEach
    void setUp() {
        time = new EngineTime(managementService);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void flagsAGreenClockAtRiskWhenPastClocksOfTheSameStepAndDepartmentNeededMoreThanItHasLeft() {
        history(RISKY);
        // three clocks started Mon 3/16 08:30 in RISKY, one in CALM
        time.set("2026-03-16T08:30");
        long tight = clockInStep(RISKY, 7);     // due Wed 3/25 17:30, budget 72 h, yellow from 3/23 11:30
        long roomy = clockInStep(RISKY, 20);    // due 4/13
        long noHistory = clockInStep(CALM, 7);
        long yellow = clockInStep(RISKY, 3);    // due Thu 3/19 17:30, yellow from 3/18 14:30
        long red = clockInStep(RISKY, 1);       // due Tue 3/17 17:30

        time.set("2026-03-19T16:30"); // 35 working hours into the step
        List<TrackedItem> items = board.page(new BoardFilter(REVIEWS, null, null, null, null, null, null), UNITS, 0, 50)
                .items();

        assertThat(items).extracting(TrackedItem::deadlineId, TrackedItem::light, TrackedItem::atRisk,
                TrackedItem::predictedHours).containsExactlyInAnyOrder(
                // of the past clocks (20, 27, 28.5 and 80 h to close) only the 80 h one was still open after 35 h:
                // 45 h more are expected, 37 h are left
                tuple(tight, TrafficLight.GREEN, true, 45.0),
                tuple(roomy, TrafficLight.GREEN, false, 45.0),
                tuple(noHistory, TrafficLight.GREEN, false, null),
                tuple(yellow, TrafficLight.YELLOW, false, null),
                tuple(red, TrafficLight.RED, false, null));
        assertThat(items).filteredOn(i -> i.deadlineId() == tight).singleElement().satisfies(i -> {
            assertThat(i.remainingHours()).isEqualTo(37.0);
            assertThat(i.currentSteps()).containsExactly("承办");
        });
        // soonest deadline first
        assertThat(items).extracting(TrackedItem::deadlineId).startsWith(red, yellow);
    }

    @Test
    void filtersByLightDepartmentAndDueDaysInTheDatabase() {
        time.set("2026-03-16T08:30");
        long green = clockInStep(CALM, 7);
        long yellow = clockInStep(CALM, 3);
        long red = clockInStep(CALM, 1);
        time.set("2026-03-19T16:30");

        assertThat(ids(new BoardFilter(REVIEWS, null, CALM, null, TrafficLight.GREEN, null, null))).contains(green)
                .doesNotContain(yellow, red);
        assertThat(ids(new BoardFilter(REVIEWS, null, CALM, null, TrafficLight.YELLOW, null, null))).contains(yellow)
                .doesNotContain(green, red);
        assertThat(ids(new BoardFilter(REVIEWS, null, CALM, null, TrafficLight.RED, null, null))).contains(red)
                .doesNotContain(green, yellow);
        assertThat(ids(new BoardFilter(REVIEWS, null, CALM, null, null, at("2026-03-19T00:00"), at("2026-03-20T00:00"))))
                .contains(yellow).doesNotContain(green, red);
        assertThat(board.page(BoardFilter.all(), Set.of(), 0, 10).items()).as("no departments, nothing").isEmpty();

        // a paused clock keeps the light it paused with
        deadlines.pause(green, "SUPPLEMENT");
        time.set("2026-04-30T10:00");
        assertThat(ids(new BoardFilter(REVIEWS, null, CALM, null, TrafficLight.GREEN, null, null))).contains(green);
        assertThat(board.page(new BoardFilter(REVIEWS, null, CALM, null, TrafficLight.GREEN, null, null), UNITS, 0, 50)
                .items()).filteredOn(i -> i.deadlineId() == green).extracting(TrackedItem::paused).containsExactly(true);
    }

    @Test
    void countsOnTimeRatesAndHandlingTimesByDepartmentAndStep() {
        history(COUNTED);

        List<StatisticsRow> byDepartment = board.statistics(StatisticsGrouping.DEPARTMENT, at("2026-03-01T00:00"),
                at("2026-03-14T00:00"), REVIEWS, null, COUNTED, UNITS);
        assertThat(byDepartment).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo(COUNTED);
            assertThat(row.finished()).isEqualTo(4);
            assertThat(row.onTime()).isEqualTo(3);
            assertThat(row.late()).isEqualTo(1);
            assertThat(row.onTimeRate()).isEqualTo(0.75);
            // 20, 27, 28.5 and 80 working hours
            assertThat(row.averageHours()).isEqualTo(38.88);
            assertThat(row.p90Hours()).isEqualTo(80.0);
        });

        List<StatisticsRow> bySteps = board.statistics(StatisticsGrouping.STEP, at("2026-03-01T00:00"),
                at("2026-03-14T00:00"), REVIEWS, null, COUNTED, UNITS);
        assertThat(bySteps).extracting(StatisticsRow::key, StatisticsRow::name, StatisticsRow::finished,
                StatisticsRow::late, StatisticsRow::averageHours).containsExactly(tuple("handle", "承办", 4L, 1L, 38.88));

        assertThat(board.statistics(StatisticsGrouping.DEPARTMENT, at("2026-03-01T00:00"), at("2026-03-02T00:00"),
                REVIEWS, null, COUNTED, UNITS)).as("nothing closed on 3/1").isEmpty();
    }

    /**
     * Four closed clocks of the department, all started Mon 3/2 08:30 in step "handle": closed after 20, 27 and 80 working
     * hours within 10 working days, and one of 2 days closed late after 28.5 hours.
     */
    private void history(String department) {
        closedAfter(department, 10, "2026-03-04T10:30");
        closedAfter(department, 10, "2026-03-04T17:30");
        closedAfter(department, 10, "2026-03-12T16:30");
        closedAfter(department, 2, "2026-03-05T10:00");
    }

    private void closedAfter(String department, int days, String closedAt) {
        time.set("2026-03-02T08:30");
        long id = clockInStep(department, days);
        DeadlineStepRow step = mapper.findSteps(id).get(0);
        Instant left = time.set(closedAt);
        mapper.leaveStep(step.taskId(), left, true, calendars.calendar().workingTime(step.enteredAt(), left).toMinutes());
        deadlines.close(id);
    }

    /** A clock of {@code days} working days started now, in step "handle" since now. */
    private long clockInStep(String department, int days) {
        long subject = SUBJECTS.incrementAndGet();
        Deadline clock = deadlines.open(new DeadlineSubject(DeadlineKind.CASE_REVIEW, subject, department, "T" + subject,
                "测试办件 " + subject, null, department, "CASE"), days, null);
        mapper.insertStep(new DeadlineStepRow(null, clock.id(), "test-" + UUID.randomUUID(), "handle", "承办", department,
                clock.startedAt(), clock.dueAt(), null, null, null, null));
        return clock.id();
    }

    private List<Long> ids(BoardFilter filter) {
        return board.page(filter, UNITS, 0, 200).items().stream().map(TrackedItem::deadlineId).toList();
    }
}
