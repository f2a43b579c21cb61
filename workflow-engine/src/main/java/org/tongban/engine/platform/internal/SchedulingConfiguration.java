package org.tongban.engine.platform.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the platform's scheduled work (outbox sending, audit retention). Tests switch it off with
 * {@code tongban.scheduling.enabled=false} and run the work themselves, so nothing happens behind their back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
