package org.tongban.engine.document;

import java.time.Instant;
import java.util.Map;

/**
 * Published inside the transaction of 分发 once every recipient agency has its incoming document: recipient
 * agency code → the incoming document registered there. Notification channels may listen.
 */
public record DocumentDistributed(long documentId, String agencyCode, String number,
                                  Map<String, Long> incomingByAgency, Instant distributedAt) {
}
