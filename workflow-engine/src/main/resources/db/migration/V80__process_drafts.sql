-- 流程设计 drafts: a model saved by a designer before it is deployed. One row per draft; saving again overwrites it.
CREATE TABLE tb_process_draft (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_key VARCHAR(128) NOT NULL,
    name        VARCHAR(256) NOT NULL,
    xml         MEDIUMTEXT   NOT NULL,
    saved_by    VARCHAR(64)  NOT NULL,
    saved_at    DATETIME(3)  NOT NULL
);
CREATE INDEX ix_process_draft_key ON tb_process_draft (process_key);
