/**
 * Transactional outbox for everything sent outside (robot webhooks, application messages, SMS, other agencies):
 * {@link org.tongban.engine.outbox.Outbox#enqueue} writes the message in the caller's transaction, so it exists
 * exactly when the event that caused it committed; {@link org.tongban.engine.outbox.OutboxWorker} sends it
 * afterwards through the {@link org.tongban.engine.outbox.OutboundChannel} of that name (implemented in
 * integration/), retrying with exponential backoff while the receiver is down. Every message carries its
 * {@code key} as idempotency key, so a send repeated after a crash can be recognised by the receiver.
 */
package org.tongban.engine.outbox;
