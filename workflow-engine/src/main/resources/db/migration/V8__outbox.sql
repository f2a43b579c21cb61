-- Transactional outbox: messages for outside systems, written in the transaction of the event that causes them
-- and sent afterwards by a retrying worker. message_key doubles as the idempotency key sent to the receiver.
CREATE TABLE tb_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_key     VARCHAR(64)   NOT NULL,
    channel         VARCHAR(32)   NOT NULL,
    recipient       VARCHAR(256)  NOT NULL,
    subject         VARCHAR(256),
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    locked_until    DATETIME(3),
    last_error      VARCHAR(1000),
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3),
    CONSTRAINT uq_outbox_key UNIQUE (message_key)
);
CREATE INDEX ix_outbox_due ON tb_outbox (status, next_attempt_at);
