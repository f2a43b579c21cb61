package org.tongban.engine.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.engine.outbox.persistence.OutboxMapper;
import org.tongban.engine.outbox.persistence.OutboxRow;

/**
 * Sends due outbox messages. Each message is claimed with a compare-and-set update and a lease, sent outside any
 * transaction, then marked sent, or rescheduled with exponential backoff ({@code tongban.outbox.backoff} doubling
 * up to {@code max-backoff}) until {@code max-attempts}. A worker that dies mid-send leaves the claim to expire;
 * the message is then sent again with the same key, which the receiver uses to drop the repeat.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 50;

    private final OutboxMapper mapper;
    private final Map<String, OutboundChannel> channels;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Duration lease;

    public OutboxWorker(OutboxMapper mapper, List<OutboundChannel> channels, Clock clock,
                        @Value("${tongban.outbox.backoff:2s}") Duration backoff,
                        @Value("${tongban.outbox.max-backoff:10m}") Duration maxBackoff,
                        @Value("${tongban.outbox.max-attempts:12}") int maxAttempts,
                        @Value("${tongban.outbox.lease:60s}") Duration lease) {
        this.mapper = mapper;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::name, Function.identity()));
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${tongban.outbox.poll:2s}")
    void poll() {
        deliverDue();
    }

    /** Sends what is due now; returns how many messages this worker attempted. */
    public int deliverDue() {
        Instant now = clock.instant();
        int attempted = 0;
        for (OutboxRow row : mapper.findDue(now, BATCH)) {
            if (mapper.claim(row.id(), row.status(), row.attempts(), now.plus(lease)) != 1) {
                continue; // another worker took it
            }
            attempted++;
            deliver(row, row.attempts() + 1);
        }
        return attempted;
    }

    private void deliver(OutboxRow row, int attempt) {
        OutboundChannel channel = channels.get(row.channel());
        if (channel == null) {
            mapper.markFailed(row.id(), OutboxStatus.FAILED, clock.instant(), "未配置外发渠道：" + row.channel());
            log.warn("Outbox message {} names channel '{}', which is not configured", row.messageKey(), row.channel());
            return;
        }
        try {
            channel.send(new OutboundMessage(row.messageKey(), row.channel(), row.recipient(), row.subject(), row.body()));
            mapper.markSent(row.id(), clock.instant());
        } catch (OutboundChannel.PermanentFailure refused) {
            mapper.markFailed(row.id(), OutboxStatus.FAILED, clock.instant(), message(refused));
            log.warn("Outbox message {} refused by {}: {}", row.messageKey(), row.channel(), refused.getMessage());
        } catch (RuntimeException e) {
            boolean exhausted = attempt >= maxAttempts;
            mapper.markFailed(row.id(), exhausted ? OutboxStatus.FAILED : OutboxStatus.PENDING,
                    clock.instant().plus(delay(attempt)), message(e));
            log.info("Outbox message {} via {} failed (attempt {}{}): {}", row.messageKey(), row.channel(), attempt,
                    exhausted ? ", giving up" : "", e.getMessage());
        }
    }

    /** 2 s, 4 s, 8 s … capped. */
    Duration delay(int attempt) {
        Duration d = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static String message(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
