-- 督查督办: items opened from a leader's instruction, a meeting decision or an overdue case, split into sub-items
-- for responsible units, each with its own deadline; the units' periodic feedback and the supervisor's review of it;
-- the item's log (立项, 交办, 催办, 预警, 升级 …). Clocks and lights are in tb_deadline.
CREATE TABLE tb_supervision_item (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_number           VARCHAR(32)   NOT NULL,
    title                 VARCHAR(256)  NOT NULL,
    source                VARCHAR(32)   NOT NULL, -- INSTRUCTION | MEETING | OVERDUE_CASE
    source_ref            VARCHAR(256),           -- the instruction or minutes it comes from, or the case number
    description           VARCHAR(2000),
    supervisor_department VARCHAR(64)   NOT NULL,
    case_id               BIGINT,                 -- OVERDUE_CASE: the case and the department that was late
    case_department       VARCHAR(64),
    due_at                DATETIME(3)   NOT NULL,
    status                VARCHAR(16)   NOT NULL, -- SPLITTING | IN_PROGRESS | CLOSING | CLOSED
    created_by            VARCHAR(64)   NOT NULL,
    created_at            DATETIME(3)   NOT NULL,
    closed_at             DATETIME(3),
    process_instance_id   VARCHAR(64),
    CONSTRAINT uq_supervision_item_number UNIQUE (item_number),
    -- one item per overdue department review, however often its timer fires
    CONSTRAINT uq_supervision_item_case UNIQUE (case_id, case_department)
);
CREATE INDEX ix_supervision_item_status ON tb_supervision_item (status, due_at);

CREATE TABLE tb_supervision_sub_item (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id          BIGINT        NOT NULL,
    unit_department  VARCHAR(64)   NOT NULL,
    agency_code      VARCHAR(64)   NOT NULL,
    requirement      VARCHAR(2000) NOT NULL,
    due_at           DATETIME(3)   NOT NULL,
    status           VARCHAR(16)   NOT NULL, -- NEW | IN_PROGRESS | DONE | CANCELLED
    created_at       DATETIME(3)   NOT NULL,
    assigned_at      DATETIME(3),
    last_feedback_at DATETIME(3),
    escalated_at     DATETIME(3),
    closed_at        DATETIME(3),
    CONSTRAINT fk_sub_item_item FOREIGN KEY (item_id) REFERENCES tb_supervision_item (id)
);
CREATE INDEX ix_sub_item_item ON tb_supervision_sub_item (item_id);
CREATE INDEX ix_sub_item_unit ON tb_supervision_sub_item (unit_department, status);

CREATE TABLE tb_supervision_feedback (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sub_item_id      BIGINT        NOT NULL,
    task_id          VARCHAR(64)   NOT NULL,
    report_kind      VARCHAR(16)   NOT NULL, -- PROGRESS | REQUEST_CLOSE
    content          VARCHAR(2000) NOT NULL,
    reported_by      VARCHAR(64)   NOT NULL,
    reported_by_name VARCHAR(64)   NOT NULL,
    reported_at      DATETIME(3)   NOT NULL,
    review_decision  VARCHAR(16),            -- ACCEPT | RETURN
    review_opinion   VARCHAR(2000),
    reviewed_by      VARCHAR(64),
    reviewed_at      DATETIME(3),
    CONSTRAINT fk_feedback_sub_item FOREIGN KEY (sub_item_id) REFERENCES tb_supervision_sub_item (id),
    -- a report task completes once: a racing second completion fails here
    CONSTRAINT uq_feedback_task UNIQUE (task_id)
);
CREATE INDEX ix_feedback_sub_item ON tb_supervision_feedback (sub_item_id, reported_at);

CREATE TABLE tb_supervision_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id     BIGINT        NOT NULL,
    sub_item_id BIGINT,
    kind        VARCHAR(32)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    actor_name  VARCHAR(64)   NOT NULL,
    note        VARCHAR(2000),
    occurred_at DATETIME(3)   NOT NULL,
    CONSTRAINT fk_supervision_event_item FOREIGN KEY (item_id) REFERENCES tb_supervision_item (id)
);
CREATE INDEX ix_supervision_event_item ON tb_supervision_event (item_id, occurred_at);
