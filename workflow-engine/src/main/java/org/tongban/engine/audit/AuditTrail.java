package org.tongban.engine.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.audit.persistence.AuditHead;
import org.tongban.engine.audit.persistence.AuditMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ForbiddenException;

/**
 * The audit trail: appends records to the hash chain, lists them for auditors, verifies the chain and removes
 * records past the retention period. Records are never changed; the only deletion is retention, which moves
 * the chain's anchor so that what remains still verifies.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditMapper mapper;
    private final Clock clock;

    public AuditTrail(AuditMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Appends {@code entry} as the chain's newest record, in the caller's transaction when there is one (so it is
     * kept or rolled back with the change it describes) and in a transaction of its own otherwise.
     * <p>
     * The chain head stays locked until that transaction ends and every other append waits for it: record last,
     * just before the transaction commits. A failed or denied attempt must be recorded outside the transaction
     * that fails, which would roll the record back with it (e.g. by the web layer once the exception is out).
     *
     * @return the stored record, with its id and hashes
     */
    @Transactional
    public AuditRecord record(AuditEntry entry) {
        AuditHead head = mapper.lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord sealed = AuditChain.seal(head.lastId() + 1, now, head.lastHash(), entry);
        mapper.insert(sealed);
        mapper.advanceHead(sealed.id(), sealed.hash());
        return sealed;
    }

    /**
     * One page of the records matching {@code query}, newest first.
     *
     * @throws ForbiddenException unless {@code actor} is an auditor or an administrator
     */
    @Transactional(readOnly = true)
    public AuditPage query(Actor actor, AuditQuery query) {
        requireAuditor(actor);
        return new AuditPage(mapper.find(query), mapper.count(query), query.page(), query.size());
    }

    /**
     * Walks the whole chain from the retention anchor, a thousand records at a time, and
     * reports the first edited, missing or unlinked record, or a tail that no longer reaches the chain head.
     *
     * @throws ForbiddenException unless {@code actor} is an auditor or an administrator
     */
    @Transactional(readOnly = true)
    public AuditVerification verify(Actor actor) {
        requireAuditor(actor);
        AuditHead head = mapper.findHead();
        AuditVerification result = verifyFrom(head);
        if (!result.ok()) {
            AuditHead now = mapper.findHead();
            if (now.anchorId() != head.anchorId()) {
                // retention removed the start of the walk meanwhile: walk again from the new anchor
                result = verifyFrom(now);
            }
        }
        if (!result.ok()) {
            log.error("Audit chain broken at record {}: {}", result.firstBrokenId(), result.reason());
        }
        return result;
    }

    /** {@link #purgeBefore Purges} the records older than {@code retention} (the default is 180 days). */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("negative audit retention " + retention);
        }
        return purgeBefore(clock.instant().minus(retention));
    }

    /**
     * Deletes the oldest records, up to the newest one recorded before {@code cutoff}, and makes the last deleted
     * record the chain's anchor; then records the purge itself ({@code audit.purge}). The deleted stretch is
     * verified first: a broken stretch is kept as evidence and nothing is deleted.
     *
     * @return the number of records deleted
     * @throws IllegalStateException when the stretch to delete does not verify
     */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        AuditHead head = mapper.lockHead();
        Long newest = mapper.lastIdBefore(cutoff);
        if (newest == null || newest <= head.anchorId()) {
            return 0;
        }
        long through = Math.min(newest, head.lastId());
        ChainWalk.Outcome walked = ChainWalk.walk(mapper, head.anchorId(), head.anchorHash(), through);
        if (walked.broken() || walked.lastId() != through) {
            long at = walked.broken() ? walked.brokenId() : walked.lastId() + 1;
            String reason = walked.broken() ? walked.reason() : "第 " + ChainWalk.missing(at, through) + " 条记录缺失";
            throw new IllegalStateException("审计链在第 " + at + " 条记录处断裂（" + reason + "），为保全证据不予清理");
        }
        int deleted = 0;
        for (long after = head.anchorId(); after < through; after += ChainWalk.BATCH_SIZE) {
            deleted += mapper.deleteSlice(after, Math.min(after + ChainWalk.BATCH_SIZE, through));
        }
        mapper.moveAnchor(through, walked.lastHash());
        record(new AuditEntry(AuditEntry.SYSTEM, null, "audit.purge", "audit_trail", null, AuditResult.SUCCESS,
                null, "{\"cutoff\":\"" + cutoff + "\",\"deleted\":" + deleted + ",\"anchorId\":" + through
                        + ",\"anchorHash\":\"" + walked.lastHash() + "\"}"));
        log.info("Audit retention deleted {} records through id {} (recorded before {})", deleted, through, cutoff);
        return deleted;
    }

    private AuditVerification verifyFrom(AuditHead head) {
        ChainWalk.Outcome walked = ChainWalk.walk(mapper, head.anchorId(), head.anchorHash(), head.lastId());
        if (walked.broken()) {
            return AuditVerification.broken(walked.checked(), walked.brokenId(), walked.reason());
        }
        if (walked.lastId() != head.lastId()) {
            return AuditVerification.broken(walked.checked(), walked.lastId() + 1,
                    "第 " + ChainWalk.missing(walked.lastId() + 1, head.lastId()) + " 条记录缺失，链尾被截断");
        }
        if (!walked.lastHash().equals(head.lastHash())) {
            return AuditVerification.broken(walked.checked(), head.lastId(), "最后一条记录的哈希与链头记载不符");
        }
        return AuditVerification.intact(walked.checked());
    }

    private static void requireAuditor(Actor actor) {
        if (actor == null || !(actor.hasRole(Role.AUDITOR) || actor.hasRole(Role.ADMIN))) {
            throw new ForbiddenException("只有审计员或系统管理员可以查看和校验审计日志");
        }
    }
}
