-- Notification centre (通知): V20 created tb_notification for the supervision and deadline notices; the centre
-- extends it rather than creating a second table. From here on there is one row per recipient person:
-- recipient_user is always set, recipient_group says which department:role group the notice was addressed to
-- (NULL when addressed to the person). link: where it leads in the application; delivered_at: pushed to an open
-- session (or handed over at the next connection); read_at: opened or marked read.
ALTER TABLE tb_notification ADD COLUMN link VARCHAR(512);
ALTER TABLE tb_notification ADD COLUMN delivered_at DATETIME(3);
ALTER TABLE tb_notification ADD COLUMN read_at DATETIME(3);
CREATE INDEX ix_notification_unread ON tb_notification (recipient_user, read_at, id);
CREATE INDEX ix_notification_undelivered ON tb_notification (recipient_user, delivered_at);
