package org.tongban.engine.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How must-reach (DING) messages escalate: after {@code tongban.messaging.urgent.delay} unread, to the first of
 * {@code tongban.messaging.urgent.channels} (outbox channel names: {@code sms}, {@code wecom}, {@code dingtalk}),
 * after another delay to the next, and so on until read or the channels are used up.
 */
@Component
public class UrgentMessageSettings {

    private final Duration delay;
    private final List<String> channels;

    UrgentMessageSettings(@Value("${tongban.messaging.urgent.delay:10m}") Duration delay,
                          @Value("${tongban.messaging.urgent.channels:sms}") List<String> channels) {
        if (delay.isNegative() || channels.isEmpty()) {
            throw new IllegalStateException("tongban.messaging.urgent: delay must not be negative, channels not empty");
        }
        this.delay = delay;
        this.channels = List.copyOf(channels);
    }

    public Duration delay() {
        return delay;
    }

    public List<String> channels() {
        return channels;
    }
}
