package org.tongban.engine.audit;

/**
 * The outcome of walking the chain.
 *
 * @param ok            whether every record and the chain head are intact
 * @param checked       records found intact (when broken: before the first broken one)
 * @param firstBrokenId the first record whose content or link is wrong, or the first missing id of a truncated
 *                      tail; null when ok
 * @param reason        what is wrong, for the auditor; null when ok
 */
public record AuditVerification(boolean ok, long checked, Long firstBrokenId, String reason) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, long firstBrokenId, String reason) {
        return new AuditVerification(false, checked, firstBrokenId, reason);
    }
}
