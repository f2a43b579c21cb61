-- 审计日志: an append-only, hash-chained record of every state change (who, what, when, before/after).
-- Each record's hash is SM3(prev_hash | canonical fields), see org.tongban.engine.audit.AuditChain; editing or
-- deleting a row breaks the chain. Ids are handed out by tb_audit_head under its row lock, so they are gap-free.
-- occurred_at is UTC (written and read as UTC by the audit mapper, whatever the JVM's time zone).
CREATE TABLE tb_audit_record (
    id             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    DATETIME(3)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    on_behalf_of   VARCHAR(64),
    action         VARCHAR(64)   NOT NULL,
    object_type    VARCHAR(64)   NOT NULL,
    object_id      VARCHAR(128),
    result         VARCHAR(16)   NOT NULL,
    client_address VARCHAR(64),
    detail         VARCHAR(4000),
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL,
    -- the chain never forks: two records can never follow the same predecessor
    CONSTRAINT uq_audit_record_prev_hash UNIQUE (prev_hash)
);
CREATE INDEX ix_audit_record_actor ON tb_audit_record (actor, occurred_at);
CREATE INDEX ix_audit_record_object ON tb_audit_record (object_type, object_id);
CREATE INDEX ix_audit_record_occurred ON tb_audit_record (occurred_at);

-- The chain head, one row: appends lock it (SELECT ... FOR UPDATE) and so run one after another.
-- last_*: the newest record (0 and 64 zeros when empty); a truncated tail no longer reaches it.
-- anchor_*: the last record removed by retention (0 and 64 zeros when none); verification starts there.
CREATE TABLE tb_audit_head (
    id          INT      NOT NULL PRIMARY KEY,
    last_id     BIGINT   NOT NULL,
    last_hash   CHAR(64) NOT NULL,
    anchor_id   BIGINT   NOT NULL,
    anchor_hash CHAR(64) NOT NULL
);
INSERT INTO tb_audit_head (id, last_id, last_hash, anchor_id, anchor_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        0, '0000000000000000000000000000000000000000000000000000000000000000');
