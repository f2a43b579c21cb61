-- Collaboration: conversations (DIRECT 1:1, GROUP, CASE — one per case, joined as the case reaches a department),
-- their members with each one's read position, messages, @mentions, attachments and must-reach (DING) deliveries.
CREATE TABLE tb_conversation (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    title           VARCHAR(128),
    -- DIRECT: the two usernames sorted and joined by '|', so one pair has one conversation
    direct_key      VARCHAR(140),
    -- CASE: the process key and business key of the case (or other process subject) it is about
    subject_type    VARCHAR(64),
    subject_key     VARCHAR(64),
    created_by      VARCHAR(64),
    created_at      DATETIME(3)  NOT NULL,
    last_message_id BIGINT,
    last_message_at DATETIME(3),
    CONSTRAINT uq_conversation_direct UNIQUE (direct_key),
    CONSTRAINT uq_conversation_subject UNIQUE (subject_type, subject_key)
);

-- last_read_id: the newest message this member has read; everything up to it counts as read (已读).
CREATE TABLE tb_conversation_member (
    conversation_id BIGINT      NOT NULL,
    username        VARCHAR(64) NOT NULL,
    joined_at       DATETIME(3) NOT NULL,
    last_read_id    BIGINT      NOT NULL DEFAULT 0,
    last_read_at    DATETIME(3),
    PRIMARY KEY (conversation_id, username),
    CONSTRAINT fk_member_conversation FOREIGN KEY (conversation_id) REFERENCES tb_conversation (id),
    CONSTRAINT fk_member_user FOREIGN KEY (username) REFERENCES tb_user (username)
);
CREATE INDEX ix_member_user ON tb_conversation_member (username);

-- Files live outside the web root, named by their SHA-256; the row says who may read them (the conversation).
CREATE TABLE tb_attachment (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    content_type    VARCHAR(128) NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    uploaded_by     VARCHAR(64)  NOT NULL,
    uploaded_at     DATETIME(3)  NOT NULL,
    CONSTRAINT fk_attachment_conversation FOREIGN KEY (conversation_id) REFERENCES tb_conversation (id)
);

-- client_key: the sender's own id for a message, so a resent message is stored once.
CREATE TABLE tb_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT        NOT NULL,
    sender          VARCHAR(64)   NOT NULL,
    body            VARCHAR(4000),
    attachment_id   BIGINT,
    urgent          BOOLEAN       NOT NULL DEFAULT FALSE,
    client_key      VARCHAR(64),
    sent_at         DATETIME(3)   NOT NULL,
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES tb_conversation (id),
    CONSTRAINT fk_message_attachment FOREIGN KEY (attachment_id) REFERENCES tb_attachment (id),
    CONSTRAINT uq_message_client_key UNIQUE (conversation_id, sender, client_key)
);
CREATE INDEX ix_message_conversation ON tb_message (conversation_id, id);

CREATE TABLE tb_message_mention (
    message_id BIGINT      NOT NULL,
    username   VARCHAR(64) NOT NULL,
    PRIMARY KEY (message_id, username),
    CONSTRAINT fk_mention_message FOREIGN KEY (message_id) REFERENCES tb_message (id)
);

-- DING / 必达: one row per recipient of an urgent message. PENDING until read; while unread it escalates through
-- the configured outside channels, one per check, then stays ESCALATED; READ stops it.
CREATE TABLE tb_urgent_delivery (
    message_id    BIGINT      NOT NULL,
    username      VARCHAR(64) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    escalations   INT         NOT NULL DEFAULT 0,
    next_check_at DATETIME(3),
    read_at       DATETIME(3),
    PRIMARY KEY (message_id, username),
    CONSTRAINT fk_urgent_message FOREIGN KEY (message_id) REFERENCES tb_message (id)
);
CREATE INDEX ix_urgent_due ON tb_urgent_delivery (status, next_check_at);

-- Every escalation, with the outbox message that carries it.
CREATE TABLE tb_urgent_escalation (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id   BIGINT       NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    channel      VARCHAR(32)  NOT NULL,
    outbox_key   VARCHAR(64),
    outcome      VARCHAR(16)  NOT NULL,
    escalated_at DATETIME(3)  NOT NULL,
    CONSTRAINT fk_escalation_message FOREIGN KEY (message_id) REFERENCES tb_message (id)
);
CREATE INDEX ix_escalation_message ON tb_urgent_escalation (message_id);
