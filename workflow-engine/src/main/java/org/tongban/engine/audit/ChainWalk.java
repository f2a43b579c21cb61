package org.tongban.engine.audit;

import java.util.List;
import org.tongban.engine.audit.persistence.AuditMapper;

/**
 * Walks a stretch of the chain in id order, a batch at a time, checking for every record that its id follows
 * the previous one, that it links to the previous hash and that its own hash matches its content.
 */
final class ChainWalk {

    static final int BATCH_SIZE = 1000;

    /**
     * Where a walk ended.
     *
     * @param checked  records found intact
     * @param lastId   the last intact record (the start when none)
     * @param lastHash its hash
     * @param brokenId the first broken record, or null when every record up to the end was intact
     * @param reason   what is wrong with it
     */
    record Outcome(long checked, long lastId, String lastHash, Long brokenId, String reason) {

        boolean broken() {
            return brokenId != null;
        }
    }

    private ChainWalk() {
    }

    /**
     * Checks the records after {@code fromId} (whose hash is {@code fromHash}) through {@code throughId}. Stops at
     * the first broken record; a walk that ends before {@code throughId} without a broken record found the
     * tail missing.
     */
    static Outcome walk(AuditMapper mapper, long fromId, String fromHash, long throughId) {
        long lastId = fromId;
        String lastHash = fromHash;
        long checked = 0;
        while (lastId < throughId) {
            List<AuditRecord> slice = mapper.findSlice(lastId, throughId, BATCH_SIZE);
            if (slice.isEmpty()) {
                break;
            }
            for (AuditRecord r : slice) {
                String problem = problem(r, lastId, lastHash);
                if (problem != null) {
                    return new Outcome(checked, lastId, lastHash, r.id(), problem);
                }
                lastId = r.id();
                lastHash = r.hash();
                checked++;
            }
        }
        return new Outcome(checked, lastId, lastHash, null, null);
    }

    private static String problem(AuditRecord r, long previousId, String previousHash) {
        if (r.id() != previousId + 1) {
            return "第 " + missing(previousId + 1, r.id() - 1) + " 条记录缺失，本条无法与前序记录相接";
        }
        if (!r.prevHash().equals(previousHash)) {
            return "前序哈希与第 " + previousId + " 条记录的哈希不符";
        }
        if (!AuditChain.hashOf(r).equals(r.hash())) {
            return "记录内容与其哈希不符，记录已被改动";
        }
        return null;
    }

    static String missing(long first, long last) {
        return first == last ? String.valueOf(first) : first + "–" + last;
    }
}
