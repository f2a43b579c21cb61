package org.tongban.engine.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes audit records past {@code tongban.audit.retention} (default 180 days, the minimum the Cybersecurity Law
 * asks for network logs) once a day at {@code tongban.audit.purge-cron}; runs only where scheduling is enabled.
 */
@Component
class AuditRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);
    private static final Duration LEGAL_MINIMUM = Duration.ofDays(180);

    private final AuditTrail trail;
    private final Duration retention;

    AuditRetentionJob(AuditTrail trail, @Value("${tongban.audit.retention:P180D}") Duration retention) {
        this.trail = trail;
        this.retention = retention;
        if (retention.compareTo(LEGAL_MINIMUM) < 0) {
            log.warn("tongban.audit.retention is {}, shorter than the 180 days required for network logs", retention);
        }
    }

    @Scheduled(cron = "${tongban.audit.purge-cron:0 30 2 * * *}")
    void purge() {
        try {
            trail.purgeOlderThan(retention);
        } catch (RuntimeException e) {
            log.error("Audit retention did not run", e);
        }
    }
}
