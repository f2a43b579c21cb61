package org.tongban.engine.outbox;

/**
 * A message for an outside system.
 *
 * @param key       unique per message; sent as the idempotency key
 * @param channel   the {@link OutboundChannel#name()} that delivers it, e.g. {@code dingtalk}, {@code wecom}, {@code sms}
 * @param recipient who receives it in that channel's terms (mobile number, WeCom user id …)
 * @param subject   a title, or null
 * @param body      the text
 */
public record OutboundMessage(String key, String channel, String recipient, String subject, String body) {
}
