-- The applicant side of 最多跑一次 (issue #11): status look-up with a verification code, 好差评 and its
-- rectification, trips to the window, the 容缺 ledger's deadline, electronic licence look-ups.

-- The verification code given at intake is kept only as a BCrypt hash; 容缺: by when the pending
-- materials are due and when the missing deadline was escalated.
ALTER TABLE tb_case ADD COLUMN access_code_hash VARCHAR(128);
ALTER TABLE tb_case ADD COLUMN pending_due_at DATETIME(3);
ALTER TABLE tb_case ADD COLUMN pending_escalated_at DATETIME(3);
CREATE INDEX ix_case_pending_due ON tb_case (pending_due_at, pending_escalated_at);

-- 跑动次数: every visit of the applicant to the window.
CREATE TABLE tb_case_visit (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    purpose     VARCHAR(16)  NOT NULL, -- APPLY | SUPPLEMENT | COLLECT | ENQUIRY | OTHER
    note        VARCHAR(500),
    recorded_by VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(3)  NOT NULL,
    CONSTRAINT fk_case_visit_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);
CREATE INDEX ix_case_visit_case ON tb_case_visit (case_id);

-- 好差评: one rating per case, after it closed; a poor one is traced to a step and department and opens a
-- rectification (a supervision item).
CREATE TABLE tb_case_rating (
    case_id               BIGINT        NOT NULL PRIMARY KEY,
    score                 INT           NOT NULL,
    comment               VARCHAR(1000),
    traced_activity_id    VARCHAR(64),
    traced_activity_name  VARCHAR(128),
    traced_department     VARCHAR(64),
    traced_reason         VARCHAR(500),
    rectification_item_id BIGINT,
    rated_at              DATETIME(3)   NOT NULL,
    CONSTRAINT fk_case_rating_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);

-- 电子证照: each look-up at intake and what came back (FOUND | NOT_FOUND | UNAVAILABLE).
CREATE TABLE tb_elicense_lookup (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    matter_code    VARCHAR(64)  NOT NULL,
    material_code  VARCHAR(64)  NOT NULL,
    license_type   VARCHAR(32)  NOT NULL,
    result         VARCHAR(16)  NOT NULL,
    license_number VARCHAR(64),
    issuer         VARCHAR(128),
    detail         VARCHAR(500),
    looked_up_by   VARCHAR(64)  NOT NULL,
    looked_up_at   DATETIME(3)  NOT NULL,
    CONSTRAINT fk_elicense_lookup_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);
CREATE INDEX ix_elicense_lookup_case ON tb_elicense_lookup (case_id);
