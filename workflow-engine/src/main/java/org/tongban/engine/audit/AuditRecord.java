package org.tongban.engine.audit;

import java.time.Instant;

/**
 * One stored audit record: the {@link AuditEntry} with its place in the chain.
 *
 * @param id         position in the chain; ids are consecutive
 * @param occurredAt when it was recorded, to the millisecond
 * @param prevHash   the previous record's {@code hash} (64 zeros for the first record ever)
 * @param hash       lower-case hex SM3 of {@code prevHash + "|" +} the record's canonical form, as defined in
 *                   the {@linkplain org.tongban.engine.audit package documentation}
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String onBehalfOf, String action,
                          String objectType, String objectId, AuditResult result, String clientAddress,
                          String detail, String prevHash, String hash) {
}
