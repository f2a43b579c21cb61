-- 公文: official documents, outgoing (发文, drafted here) and incoming (收文, registered from another agency's
-- distribution). An incoming document is a row of the receiving agency linked to the original.
CREATE TABLE tb_document (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    direction           VARCHAR(16)   NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    title               VARCHAR(256)  NOT NULL,
    classification      VARCHAR(16),
    urgency             VARCHAR(16),
    agency_code         VARCHAR(64)   NOT NULL,
    -- the drafting department (outgoing) or the receiving office (incoming)
    department_code     VARCHAR(64)   NOT NULL,
    office_department   VARCHAR(64)   NOT NULL,
    drafter             VARCHAR(64)   NOT NULL,
    signer              VARCHAR(64),
    signed_at           DATETIME(3),
    status              VARCHAR(16)   NOT NULL,
    current_version     INT           NOT NULL,
    -- 发文字号 机关代字〔年份〕序号号; for an incoming document, the number of the original
    doc_number          VARCHAR(64),
    number_family       VARCHAR(8),
    number_year         INT,
    number_seq          BIGINT,
    origin_document_id  BIGINT,
    source_agency_code  VARCHAR(64),
    receipt_number      VARCHAR(64),
    process_instance_id VARCHAR(64),
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    sealed_at           DATETIME(3),
    distributed_at      DATETIME(3),
    archived_at         DATETIME(3),
    -- never the same number twice, whatever the code above it does
    CONSTRAINT uq_document_number UNIQUE (agency_code, number_family, number_year, number_seq),
    CONSTRAINT fk_document_origin FOREIGN KEY (origin_document_id) REFERENCES tb_document (id)
);
CREATE INDEX ix_document_agency ON tb_document (agency_code, created_at);
CREATE INDEX ix_document_origin ON tb_document (origin_document_id);

-- Every save of the text is a version; the document's current_version names the latest.
CREATE TABLE tb_document_version (
    document_id BIGINT       NOT NULL,
    version_no  INT          NOT NULL,
    title       VARCHAR(256) NOT NULL,
    body        MEDIUMTEXT   NOT NULL,
    saved_by    VARCHAR(64)  NOT NULL,
    saved_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (document_id, version_no),
    CONSTRAINT fk_document_version_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);

-- 主送 (MAIN) and 抄送 (COPY) agencies.
CREATE TABLE tb_document_recipient (
    document_id    BIGINT      NOT NULL,
    agency_code    VARCHAR(64) NOT NULL,
    recipient_type VARCHAR(8)  NOT NULL,
    sort_order     INT         NOT NULL,
    PRIMARY KEY (document_id, agency_code),
    CONSTRAINT fk_document_recipient_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);

-- Departments asked to countersign (会签), of this or another agency.
CREATE TABLE tb_document_countersign (
    document_id     BIGINT      NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    sort_order      INT         NOT NULL,
    PRIMARY KEY (document_id, department_code),
    CONSTRAINT fk_document_countersign_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);

-- Who may see a document: departments taking part (FULL: text, versions, opinions) and recipients of the
-- published document (PUBLISHED: the signed text and attachments only). Nobody else.
CREATE TABLE tb_document_access (
    document_id     BIGINT      NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    access_level    VARCHAR(16) NOT NULL,
    PRIMARY KEY (document_id, department_code),
    CONSTRAINT fk_document_access_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);
CREATE INDEX ix_document_access_department ON tb_document_access (department_code, document_id);

-- The document's timeline: every step's actor, time, decision and opinion.
CREATE TABLE tb_document_step (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id     BIGINT        NOT NULL,
    task_id         VARCHAR(64),
    activity_id     VARCHAR(64)   NOT NULL,
    activity_name   VARCHAR(128)  NOT NULL,
    department_code VARCHAR(64),
    actor           VARCHAR(64),
    actor_name      VARCHAR(64),
    decision        VARCHAR(32),
    opinion         VARCHAR(2000),
    occurred_at     DATETIME(3)   NOT NULL,
    CONSTRAINT fk_document_step_document FOREIGN KEY (document_id) REFERENCES tb_document (id),
    -- a task completes once: a racing second completion fails here instead of writing a duplicate
    CONSTRAINT uq_document_step_task UNIQUE (task_id)
);
CREATE INDEX ix_document_step_document ON tb_document_step (document_id, occurred_at);

-- Attachments: the file lives outside the web root under its SHA-256 (content-addressed, shared by copies).
CREATE TABLE tb_document_attachment (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id  BIGINT       NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(128) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_document_attachment_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);
CREATE INDEX ix_document_attachment_document ON tb_document_attachment (document_id);

-- 分发: one row per recipient agency, with the incoming document registered there.
CREATE TABLE tb_document_distribution (
    document_id          BIGINT      NOT NULL,
    agency_code          VARCHAR(64) NOT NULL,
    recipient_type       VARCHAR(8)  NOT NULL,
    incoming_document_id BIGINT      NOT NULL,
    distributed_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (document_id, agency_code),
    CONSTRAINT fk_document_distribution_document FOREIGN KEY (document_id) REFERENCES tb_document (id),
    CONSTRAINT fk_document_distribution_incoming FOREIGN KEY (incoming_document_id) REFERENCES tb_document (id)
);

-- 承办: the departments a leader's instruction gave an incoming document to, and what each reported.
CREATE TABLE tb_document_handling (
    document_id     BIGINT        NOT NULL,
    department_code VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    result          VARCHAR(2000),
    handled_by      VARCHAR(64),
    handled_at      DATETIME(3),
    PRIMARY KEY (document_id, department_code),
    CONSTRAINT fk_document_handling_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);

-- 传阅: a document passed round a list of people; each reader's row is the read receipt.
CREATE TABLE tb_circulation (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id         BIGINT        NOT NULL,
    sender              VARCHAR(64)   NOT NULL,
    note                VARCHAR(500),
    started_at          DATETIME(3)   NOT NULL,
    process_instance_id VARCHAR(64),
    CONSTRAINT fk_circulation_document FOREIGN KEY (document_id) REFERENCES tb_document (id)
);
CREATE INDEX ix_circulation_document ON tb_circulation (document_id);

CREATE TABLE tb_circulation_reader (
    circulation_id BIGINT        NOT NULL,
    username       VARCHAR(64)   NOT NULL,
    sort_order     INT           NOT NULL,
    read_at        DATETIME(3),
    opinion        VARCHAR(1000),
    PRIMARY KEY (circulation_id, username),
    CONSTRAINT fk_circulation_reader_circulation FOREIGN KEY (circulation_id) REFERENCES tb_circulation (id)
);
CREATE INDEX ix_circulation_reader_user ON tb_circulation_reader (username, circulation_id);
