package org.tongban.engine.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests move forward by hand (lockout expiry, idle sessions, deadlines). */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        // whole milliseconds, as the database keeps them (DATETIME(3)): H2 rounds a finer instant, possibly up, so a
        // row written "now" would otherwise not yet be due "now"
        this.now = new AtomicReference<>(start.truncatedTo(ChronoUnit.MILLIS));
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Import into a test to replace the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        /**
         * Starts on a whole millisecond: DATETIME(3) columns round on H2 (and truncate on MySQL), so a time with
         * sub-millisecond digits would come back from the database later than it went in, and a message enqueued
         * "now" would not yet be due "now" in about half of the runs.
         */
        @Bean
        @Primary
        public MutableClock mutableClock() {
            // whole milliseconds, as the DATETIME(3) columns keep them
            return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    ZoneId.of("Asia/Shanghai"));
        }
    }
}
