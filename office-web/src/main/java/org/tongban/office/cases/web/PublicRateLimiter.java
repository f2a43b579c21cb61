package org.tongban.office.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.engine.platform.TooManyRequestsException;

/**
 * Rate limit of the public (no login) case look-up and rating: at most {@code per-ip} requests per client address
 * and {@code per-case} per case number in each {@code window} (fixed windows). The case-number limit stops a
 * distributed guess at one case's code (about 10⁹ codes, 10 tries per 10 minutes); the address limit stops one
 * client from walking case numbers. Counters live in memory: on several nodes each node counts on its own, which
 * multiplies the allowance by the number of nodes — still far from a feasible guess; a shared counter (database
 * or RabbitMQ) was not worth its round trip on every look-up. The address is the connection's: behind a proxy set
 * {@code server.forward-headers-strategy=native} so that it is the client's.
 */
@Component
class PublicRateLimiter {

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final int perIp;
    private final int perCase;
    private final Duration window;

    PublicRateLimiter(@Value("${tongban.public.rate-limit.per-ip:30}") int perIp,
                      @Value("${tongban.public.rate-limit.per-case:10}") int perCase,
                      @Value("${tongban.public.rate-limit.window:10m}") Duration window) {
        this.perIp = perIp;
        this.perCase = perCase;
        this.window = window;
    }

    /**
     * Counts one request of {@code clientIp} about {@code caseNumber}.
     *
     * @throws TooManyRequestsException with the time until the window ends, when either limit is used up
     */
    void acquire(String clientIp, String caseNumber) {
        Instant now = clock.instant();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now)); // forget finished windows
        }
        check("ip:" + clientIp, perIp, now);
        if (caseNumber != null && !caseNumber.isBlank()) {
            check("case:" + caseNumber.strip().toUpperCase(java.util.Locale.ROOT), perCase, now);
        }
    }

    private void check(String key, int limit, Instant now) {
        Window counted = windows.compute(key, (k, w) -> w == null || !w.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (counted.count() > limit) {
            Duration left = Duration.between(now, counted.start().plus(window));
            throw new TooManyRequestsException("查询过于频繁，请于 " + Math.max(1, left.toSeconds()) + " 秒后再试", left);
        }
    }
}
