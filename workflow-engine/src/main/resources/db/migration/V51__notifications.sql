-- Notification centre (通知): one row per recipient. delivered_at: pushed to an open session (or handed over at the
-- next connection); read_at: opened or marked read.
CREATE TABLE tb_notification (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    title        VARCHAR(256) NOT NULL,
    link         VARCHAR(512),
    created_at   DATETIME(3)  NOT NULL,
    delivered_at DATETIME(3),
    read_at      DATETIME(3)
);
CREATE INDEX ix_notification_user ON tb_notification (username, read_at, id);
CREATE INDEX ix_notification_undelivered ON tb_notification (username, delivered_at);
