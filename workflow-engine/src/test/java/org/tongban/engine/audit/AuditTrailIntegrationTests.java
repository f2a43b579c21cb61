package org.tongban.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.ADMIN;
import static org.tongban.engine.testsupport.TestUsers.FOOD_HANDLER;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ForbiddenException;

/**
 * The audit trail on the real database (H2, then MariaDB). Tampering happens in a transaction that is rolled back
 * after verifying, so the shared chain stays intact for the other tests.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class AuditTrailIntegrationTests {

    static final String AUDITOR = "shenji";
    static final AtomicLong OBJECTS = new AtomicLong();

    @Autowired
    AuditTrail trail;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;

    @Test
    void appendedRecordsLinkToTheirPredecessorsAndVerify() {
        String caseId = aNewObjectId();
        List<AuditRecord> appended = new ArrayList<>();
        appended.add(trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", caseId)
                .fromAddress("10.0.0.8").withDetail("{\"after\":{\"status\":\"RECEIVED\"}}")));
        appended.add(trail.record(AuditEntry.success(WINDOW_CLERK, "task.complete", "task", "t-1")
                .onBehalfOf(FOOD_HANDLER).withDetail("{\"opinion\":\"同意|通过\\n\"}")));
        appended.add(trail.record(AuditEntry.success(WINDOW_CLERK, "auth.login.failed", "user", WINDOW_CLERK)
                .withResult(AuditResult.FAILURE).fromAddress("::1")));

        for (int i = 1; i < appended.size(); i++) {
            assertThat(appended.get(i).id()).isEqualTo(appended.get(i - 1).id() + 1);
            assertThat(appended.get(i).prevHash()).isEqualTo(appended.get(i - 1).hash());
        }
        AuditVerification verification = trail.verify(actor(AUDITOR));
        assertThat(verification.ok()).as(verification.reason()).isTrue();
        assertThat(verification.checked()).isEqualTo(count("SELECT COUNT(*) FROM tb_audit_record"));
        // stored to the millisecond and read back unchanged (UTC, whatever the connection drops otherwise)
        assertThat(trail.query(actor(AUDITOR), AuditQuery.newest(0, 10).on("case", caseId)).items())
                .containsExactly(appended.get(0));
    }

    @Test
    void anEditedRecordIsNamedAsTheFirstBrokenOne() {
        List<AuditRecord> three = appendThree();
        long middle = three.get(1).id();

        AuditVerification verification = tampered(() -> {
            jdbc.update("UPDATE tb_audit_record SET detail = ? WHERE id = ?", "{\"after\":\"forged\"}", middle);
            return trail.verify(actor(AUDITOR));
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(middle);
        assertThat(verification.reason()).contains("改动");
        assertThat(trail.verify(actor(AUDITOR)).ok()).isTrue();
    }

    @Test
    void aDeletedMiddleRecordBreaksTheLinkOfTheNextOne() {
        List<AuditRecord> three = appendThree();
        long middle = three.get(1).id();

        AuditVerification verification = tampered(() -> {
            jdbc.update("DELETE FROM tb_audit_record WHERE id = ?", middle);
            return trail.verify(actor(AUDITOR));
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(three.get(2).id());
        assertThat(verification.reason()).contains(String.valueOf(middle)).contains("缺失");
    }

    @Test
    void aTruncatedTailIsDetectedAgainstTheHead() {
        List<AuditRecord> three = appendThree();

        AuditVerification verification = tampered(() -> {
            jdbc.update("DELETE FROM tb_audit_record WHERE id >= ?", three.get(1).id());
            return trail.verify(actor(AUDITOR));
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(three.get(1).id());
        assertThat(verification.reason()).contains("截断");
    }

    @Test
    void concurrentAppendsFormOneUnforkedChain() throws Exception {
        int threads = 8;
        int each = 25;
        String objectId = aNewObjectId();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "worker" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(trail.record(AuditEntry.success(actor, "task.complete", "load", objectId)).id());
                    }
                    return ids;
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                ids.addAll(f.get());
            }
            assertThat(ids).hasSize(threads * each).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT COUNT(*) FROM tb_audit_record WHERE object_id = ?", objectId)).isEqualTo(200);
        assertThat(count("SELECT COUNT(DISTINCT prev_hash) FROM tb_audit_record WHERE object_id = ?", objectId))
                .isEqualTo(200);
        AuditVerification verification = trail.verify(actor(AUDITOR));
        assertThat(verification.ok()).as(verification.reason()).isTrue();
    }

    @Test
    void queriesFilterByActorObjectAndTimeNewestFirstInPages() throws InterruptedException {
        String caseId = aNewObjectId();
        String otherCase = aNewObjectId();
        AuditRecord created = trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", caseId));
        trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", otherCase));
        Instant mark = pause();
        AuditRecord denied = trail.record(AuditEntry.success(FOOD_HANDLER, "case.read", "case", caseId)
                .withResult(AuditResult.DENIED));
        AuditRecord reviewed = trail.record(AuditEntry.success(FOOD_HANDLER, "task.complete", "case", caseId));
        AuditRecord supplemented = trail.record(AuditEntry.success(WINDOW_CLERK, "case.supplement", "case", caseId));
        Actor auditor = actor(AUDITOR);

        AuditPage first = trail.query(auditor, AuditQuery.newest(0, 3).on("case", caseId));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).containsExactly(supplemented, reviewed, denied);
        assertThat(trail.query(auditor, AuditQuery.newest(1, 3).on("case", caseId)).items()).containsExactly(created);
        assertThat(trail.query(auditor, AuditQuery.newest(2, 3).on("case", caseId)).items()).isEmpty();

        assertThat(trail.query(auditor, AuditQuery.newest(0, 10).on("case", caseId).byActor(FOOD_HANDLER)).items())
                .containsExactly(reviewed, denied)
                .extracting(AuditRecord::result).containsExactly(AuditResult.SUCCESS, AuditResult.DENIED);
        assertThat(trail.query(auditor, AuditQuery.newest(0, 10).on("case", caseId).between(mark, null)).items())
                .containsExactly(supplemented, reviewed, denied);
        assertThat(trail.query(auditor, AuditQuery.newest(0, 10).on("case", caseId).between(null, mark)).items())
                .containsExactly(created);
        assertThat(trail.query(auditor, AuditQuery.newest(0, 200).byActor(WINDOW_CLERK)).items())
                .contains(created, supplemented).doesNotContain(reviewed);
        assertThat(trail.query(actor(ADMIN), AuditQuery.newest(0, 10).on("case", otherCase)).total()).isEqualTo(1);
    }

    @Test
    void onlyAuditorsAndAdministratorsMayQueryOrVerify() {
        Actor clerk = actor(WINDOW_CLERK);

        assertThatThrownBy(() -> trail.query(clerk, AuditQuery.newest(0, 20))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> trail.verify(clerk)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> trail.verify(null)).isInstanceOf(ForbiddenException.class);
        assertThat(trail.verify(actor(ADMIN)).ok()).isTrue();
    }

    @Test
    void purgeRemovesOldRecordsAndKeepsTheRestVerifiable() throws InterruptedException {
        String oldCase = aNewObjectId();
        String newCase = aNewObjectId();
        trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", oldCase));
        AuditRecord lastOld = trail.record(AuditEntry.success(WINDOW_CLERK, "case.close", "case", oldCase));
        Instant cutoff = pause();
        trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", newCase));
        long before = count("SELECT COUNT(*) FROM tb_audit_record");

        int deleted = trail.purgeBefore(cutoff);

        Actor auditor = actor(AUDITOR);
        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT anchor_id FROM tb_audit_head")).isEqualTo(lastOld.id());
        assertThat(count("SELECT COUNT(*) FROM tb_audit_record")).isEqualTo(before - deleted + 1);
        assertThat(trail.query(auditor, AuditQuery.newest(0, 10).on("case", oldCase)).total()).isZero();
        assertThat(trail.query(auditor, AuditQuery.newest(0, 10).on("case", newCase)).total()).isEqualTo(1);
        assertThat(trail.query(auditor, AuditQuery.newest(0, 1).on("audit_trail", null)).items())
                .extracting(AuditRecord::actor, AuditRecord::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditEntry.SYSTEM, "audit.purge"));
        AuditVerification verification = trail.verify(auditor);
        assertThat(verification.ok()).as(verification.reason()).isTrue();
        assertThat(verification.checked()).isEqualTo(count("SELECT COUNT(*) FROM tb_audit_record"));

        trail.record(AuditEntry.success(WINDOW_CLERK, "case.close", "case", newCase));
        assertThat(trail.verify(auditor).ok()).isTrue();
        assertThat(trail.purgeOlderThan(Duration.ofDays(180))).isZero();
    }

    @Test
    void purgeKeepsABrokenStretchAsEvidence() {
        List<AuditRecord> three = appendThree();

        tampered(() -> {
            jdbc.update("UPDATE tb_audit_record SET actor = ? WHERE id = ?", "nobody", three.get(0).id());
            assertThatThrownBy(() -> trail.purgeBefore(clock.instant().plusSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(three.get(0).id()));
            return null;
        });

        assertThat(count("SELECT COUNT(*) FROM tb_audit_record WHERE id = ?", three.get(0).id())).isEqualTo(1);
    }

    private List<AuditRecord> appendThree() {
        String caseId = aNewObjectId();
        return List.of(
                trail.record(AuditEntry.success(WINDOW_CLERK, "case.create", "case", caseId)),
                trail.record(AuditEntry.success(FOOD_HANDLER, "task.complete", "case", caseId)
                        .withDetail("{\"before\":{\"status\":\"IN_REVIEW\"},\"after\":{\"status\":\"CLOSED\"}}")),
                trail.record(AuditEntry.success(WINDOW_CLERK, "case.close", "case", caseId)));
    }

    /** Runs {@code change} in a transaction that is rolled back afterwards, whatever it did to the table. */
    private <T> T tampered(Supplier<T> change) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            return change.get();
        });
    }

    /** Sleeps a little on each side of the returned instant, so records before and after it differ in time. */
    private Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant mark = clock.instant();
        Thread.sleep(20);
        return mark;
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static String aNewObjectId() {
        return "AUD-" + System.nanoTime() + "-" + OBJECTS.incrementAndGet();
    }
}
