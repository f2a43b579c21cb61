package org.tongban.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.EngineTime.at;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.matter.PendingMaterialsExpiry;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationView;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.EngineTime;

/**
 * 容缺 at its deadline, as the matter says: 户外招牌设置 (demo catalogue: REFUSE, 3 working days) ends the case —
 * process terminated with its reason, REFUSED, timeline, the applicant's SMS and the provincial exchange through
 * the outbox, nothing left in anyone's todo list — while 食品经营许可 (ESCALATE, the default 5 days) escalates and goes
 * on; materials supplied in time prevent both; two nodes polling at once act once (H2, then MariaDB).
 */
@SpringBootTest(classes = EngineTestApplication.class, properties = "tongban.data-sharing.enabled=true")
class PendingMaterialsExpiryIntegrationTests {

    static final String MOBILE = "13812345678";

    @Autowired
    CaseService cases;
    @Autowired
    ApplicantService applicants;
    @Autowired
    PendingMaterialsLedger ledger;
    @Autowired
    MatterCatalog catalog;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
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
    void theCatalogueSaysWhatHappensAtTheDeadline() {
        assertThat(catalog.matter("OUTDOOR_SIGN_SETUP").orElseThrow())
                .satisfies(m -> {
                    assertThat(m.pendingMaterialsExpiry()).isEqualTo(PendingMaterialsExpiry.REFUSE);
                    assertThat(m.pendingMaterialsDays()).isEqualTo(3);
                });
        assertThat(catalog.matter("FOOD_BUSINESS_LICENSE").orElseThrow())
                .satisfies(m -> {
                    assertThat(m.pendingMaterialsExpiry()).isEqualTo(PendingMaterialsExpiry.ESCALATE);
                    assertThat(m.pendingMaterialsDays()).as("the platform's default applies").isNull();
                });
    }

    @Test
    void aRefuseMatterEndsTheCaseAtTheDeadlineOnce() {
        time.set("2026-11-02T09:00"); // a Monday, no holiday in the next weeks
        CaseView created = signCaseWithPendingConsent();
        long id = created.id();
        String process = processInstanceId(id);
        // the matter's own 3 working days: Tue, Wed, Thu
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).pendingMaterialsDueAt()).isEqualTo(at("2026-11-05T17:30"));
        assertThat(entry(WINDOW_CLERK, id).onExpiry()).isEqualTo(PendingMaterialsExpiry.REFUSE);
        assertThat(driver.task(CITY_HANDLER, id, "handle")).isNotNull();
        assertThat(workItems(process)).isPositive();

        time.set("2026-11-05T17:29");
        assertThat(ledger.escalateDue()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isOne();

        time.set("2026-11-05T17:31");
        assertThat(ledger.escalateDue()).isEqualTo(1);
        assertThat(ledger.escalateDue()).as("once").isZero();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).as("process ended").isZero();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(process)
                .singleResult();
        assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED);
        assertThat(ended.getDeleteReason()).contains("容缺");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(process).taskDefinitionKey("handle")
                .singleResult().getDeleteReason()).contains("容缺");

        CaseView refused = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(refused.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(refused.closedAt()).isEqualTo(at("2026-11-05T17:31"));
        assertThat(refused.openSteps()).isEmpty();
        assertThat(refused.reviews()).extracting(CaseView.Review::status).containsOnly("CANCELLED");
        assertThat(refused.timeline()).filteredOn(e -> e.activityId().equals("pendingMaterialsRefused")).singleElement()
                .satisfies(e -> assertThat(e.opinion()).contains("产权人同意设置证明").contains("2026-11-05 17:30")
                        .contains("终止办理"));
        assertThat(refused.timeline()).noneMatch(e -> e.activityId().equals("pendingMaterialsOverdue"));

        assertThat(workItems(process)).as("no open work item").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_work_access a WHERE NOT EXISTS"
                + " (SELECT 1 FROM tb_work_item w WHERE w.task_id = a.task_id)", Integer.class)).isZero();
        assertThat(approvals.todo(driver.actor(CITY_HANDLER), 0, 100).items())
                .noneMatch(t -> t.subject() != null && t.subject().id() == id);
        assertThat(jdbc.queryForList("SELECT clock_state FROM tb_deadline WHERE kind IN ('CASE', 'CASE_REVIEW')"
                + " AND subject_id = ?", String.class, id)).isNotEmpty().containsOnly("CANCELLED");

        assertThat(jdbc.queryForList("SELECT body FROM tb_outbox WHERE channel = 'sms' AND recipient = ?"
                + " AND subject = '办件终止办理' AND body LIKE ?", String.class, MOBILE, "%" + created.caseNumber() + "%"))
                .singleElement().asString().contains("重新申请");
        assertThat(exchangeStatuses(created.caseNumber())).containsExactly("RECEIVED", "IN_REVIEW", "REFUSED");
        assertThat(jdbc.queryForObject("SELECT body FROM tb_outbox WHERE channel = 'data-sharing' AND recipient = ?"
                + " AND subject = 'REFUSED'", String.class, created.caseNumber())).contains("\"status\":\"REFUSED\"");

        assertThat(entry(SUPERVISOR, id)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(CaseStatus.REFUSED);
            assertThat(e.escalatedAt()).isEqualTo(at("2026-11-05T17:31"));
            assertThat(e.missing()).containsExactly("产权人同意设置证明");
            assertThat(e.matterNames()).containsExactly("户外招牌设置");
        });
        assertThat(notifications.list(driver.actor(WINDOW_CLERK), false, 0, 50).items())
                .filteredOn(n -> n.type() == NotificationType.ESCALATION)
                .extracting(NotificationView::title).anyMatch(t -> t.contains("终止办理") && t.contains(created.caseNumber()));
        assertThat(applicants.status(new CaseStatusQuery(created.caseNumber(), created.accessCode())))
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(CaseStatus.REFUSED);
                    assertThat(s.currentSteps()).isEmpty();
                    assertThat(s.nextStep()).contains("终止办理");
                });
    }

    @Test
    void anEscalateMatterEscalatesAndTheCaseGoesOn() {
        time.set("2026-11-02T09:00");
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), new CaseForm(null, List.of("FOOD_BUSINESS_LICENSE"),
                ApplicantType.PERSON, "王小明", "110101199003077571", MOBILE));
        long id = created.id();
        acceptWithPending(id, "FOOD_BUSINESS_LICENSE/STAFF_HEALTH_CERTS");
        String process = processInstanceId(id);
        assertThat(cases.get(driver.actor(WINDOW_CLERK), id).pendingMaterialsDueAt())
                .as("the platform's 5 working days").isEqualTo(at("2026-11-09T17:30"));
        assertThat(entry(WINDOW_CLERK, id).onExpiry()).isEqualTo(PendingMaterialsExpiry.ESCALATE);

        time.set("2026-11-09T17:31");
        assertThat(ledger.escalateDue()).isEqualTo(1);
        assertThat(ledger.escalateDue()).isZero();

        CaseView escalated = cases.get(driver.actor(WINDOW_CLERK), id);
        assertThat(escalated.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(escalated.timeline()).extracting(CaseView.TimelineEntry::activityId)
                .contains("pendingMaterialsOverdue").doesNotContain("pendingMaterialsRefused");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isOne();
        assertThat(workItems(process)).isPositive();
        assertThat(driver.task(FOOD_HANDLER, id, "handle")).isNotNull();
        assertThat(exchangeStatuses(created.caseNumber())).containsExactly("RECEIVED", "IN_REVIEW");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_outbox WHERE channel = 'sms' AND subject = '办件终止办理'"
                + " AND body LIKE ?", Integer.class, "%" + created.caseNumber() + "%")).isZero();
        assertThat(entry(SUPERVISOR, id).escalatedAt()).isEqualTo(at("2026-11-09T17:31"));
        assertThat(notifications.list(driver.actor(SUPERVISOR), false, 0, 50).items())
                .filteredOn(n -> n.type() == NotificationType.ESCALATION)
                .extracting(NotificationView::title).anyMatch(t -> t.contains(created.caseNumber()));
    }

    @Test
    void materialsSuppliedInTimePreventBothRefusalAndEscalation() {
        time.set("2026-11-02T09:00");
        long refuseCase = signCaseWithPendingConsent().id();
        long escalateCase = cases.create(driver.actor(WINDOW_CLERK), new CaseForm(null,
                List.of("POLLUTANT_DISCHARGE_REGISTRATION"), ApplicantType.PERSON, "王小明", "110101199003077571",
                MOBILE)).id();
        acceptWithPending(escalateCase, "POLLUTANT_DISCHARGE_REGISTRATION/FUME_PURIFIER");

        time.set("2026-11-04T10:00");
        driver.complete(CITY_HANDLER, refuseCase, "handle", "GRANT", "符合条件");
        driver.complete(CITY_REVIEWER, refuseCase, "review", "GRANT", "同意");
        driver.complete(WINDOW_CLERK, refuseCase, "collectPendingMaterials", null, "产权人同意书已补交");
        // a person's 排污登记 goes to the 西湖 branch (dispatch table); no leader approval
        driver.complete(ENV_XIHU_HANDLER, escalateCase, "handle", "GRANT", "符合条件");
        driver.complete(ENV_XIHU_REVIEWER, escalateCase, "review", "GRANT", "同意");
        driver.complete(WINDOW_CLERK, escalateCase, "collectPendingMaterials", null, "油烟净化设施说明已补交");

        time.set("2026-11-20T09:00");
        assertThat(ledger.escalateDue()).isZero();
        for (long id : List.of(refuseCase, escalateCase)) {
            CaseView view = cases.get(driver.actor(WINDOW_CLERK), id);
            assertThat(view.status()).isEqualTo(CaseStatus.DELIVERING);
            assertThat(view.openSteps()).extracting(CaseView.OpenStep::activityId).containsExactly("deliver");
            assertThat(view.timeline()).extracting(CaseView.TimelineEntry::activityId)
                    .doesNotContain("pendingMaterialsOverdue", "pendingMaterialsRefused");
            assertThat(ledger.ledger(driver.actor(SUPERVISOR))).noneMatch(e -> e.caseId() == id);
        }
    }

    @Test
    void twoNodesPollingAtOnceRefuseTheCaseOnce() throws Exception {
        time.set("2026-11-02T09:00");
        CaseView created = signCaseWithPendingConsent();
        time.set("2026-11-06T09:00");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> node = () -> {
            together.await(10, TimeUnit.SECONDS);
            return ledger.escalateDue();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(node);
            Future<Integer> second = pool.submit(node);
            // the clock is JVM-wide (ClockUtil), so both "nodes" see the deadline passed
            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases.get(driver.actor(WINDOW_CLERK), created.id()).timeline())
                .filteredOn(e -> e.activityId().equals("pendingMaterialsRefused")).hasSize(1);
        assertThat(exchangeStatuses(created.caseNumber())).containsExactly("RECEIVED", "IN_REVIEW", "REFUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_outbox WHERE channel = 'sms' AND subject = '办件终止办理'"
                + " AND body LIKE ?", Integer.class, "%" + created.caseNumber() + "%")).isOne();
    }

    /** 户外招牌设置 for a person with a mobile number, accepted with 产权人同意设置证明 missing. */
    private CaseView signCaseWithPendingConsent() {
        CaseView created = cases.create(driver.actor(WINDOW_CLERK), new CaseForm(null, List.of("OUTDOOR_SIGN_SETUP"),
                ApplicantType.PERSON, "王小明", "110101199003077571", MOBILE));
        acceptWithPending(created.id(), "OUTDOOR_SIGN_SETUP/PROPERTY_CONSENT");
        return created;
    }

    private void acceptWithPending(long id, String material) {
        approvals.complete(driver.actor(WINDOW_CLERK), driver.task(WINDOW_CLERK, id, "intake").id(),
                new CompletionForm("ACCEPT_WITH_PENDING", "容后补交", List.of(material)));
    }

    private PendingMaterialsEntry entry(String username, long id) {
        return ledger.ledger(driver.actor(username)).stream().filter(e -> e.caseId() == id).findFirst().orElseThrow();
    }

    private String processInstanceId(long id) {
        return jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE id = ?", String.class, id);
    }

    private int workItems(String processInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_work_item WHERE process_instance_id = ?", Integer.class,
                processInstanceId);
    }

    private List<String> exchangeStatuses(String caseNumber) {
        return jdbc.queryForList("SELECT subject FROM tb_outbox WHERE channel = 'data-sharing' AND recipient = ?"
                + " ORDER BY id", String.class, caseNumber);
    }
}
