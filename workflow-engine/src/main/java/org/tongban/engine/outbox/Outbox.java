package org.tongban.engine.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.outbox.persistence.OutboxMapper;
import org.tongban.engine.outbox.persistence.OutboxRow;
import org.tongban.engine.platform.InvalidInputException;

/** Writes outbound messages in the caller's transaction. */
@Service
public class Outbox {

    private final OutboxMapper mapper;
    private final Clock clock;

    public Outbox(OutboxMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Queues a message; it is sent only if the caller's transaction commits.
     *
     * @return the message's key (its idempotency key)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(String channel, String recipient, String subject, String body) {
        if (channel == null || recipient == null || recipient.isBlank() || body == null || body.isBlank()) {
            throw new InvalidInputException("外发消息缺少渠道、接收人或内容",
                    Map.of("message", "channel, recipient and body are required"));
        }
        String key = UUID.randomUUID().toString();
        // whole milliseconds: the column keeps three digits, and a value rounded up would not be due yet "now"
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        mapper.insert(new OutboxRow(null, key, channel, recipient, subject, truncate(body, 4000), OutboxStatus.PENDING,
                0, now, null, null, now, null));
        return key;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
