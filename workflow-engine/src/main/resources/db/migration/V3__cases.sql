-- 办件: one application handled through one-window-approval.
CREATE TABLE tb_case (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number         VARCHAR(32)  NOT NULL,
    title               VARCHAR(256) NOT NULL,
    bundle_code         VARCHAR(64),
    applicant_type      VARCHAR(16)  NOT NULL,
    applicant_name      VARCHAR(128) NOT NULL,
    applicant_id_number VARCHAR(32)  NOT NULL,
    applicant_phone     VARCHAR(32),
    window_department   VARCHAR(64)  NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    intake_decision     VARCHAR(32),
    outcome             VARCHAR(32),
    process_instance_id VARCHAR(64),
    created_at          DATETIME(3) NOT NULL,
    closed_at           DATETIME(3),
    CONSTRAINT uq_case_number UNIQUE (case_number)
);
CREATE INDEX ix_case_created_by ON tb_case (created_by, created_at);

-- The matters applied for in a case, with the decision per matter after consolidation.
CREATE TABLE tb_case_matter (
    case_id     BIGINT      NOT NULL,
    matter_code VARCHAR(64) NOT NULL,
    decision    VARCHAR(16),
    PRIMARY KEY (case_id, matter_code),
    CONSTRAINT fk_case_matter_case FOREIGN KEY (case_id) REFERENCES tb_case (id),
    CONSTRAINT fk_case_matter_matter FOREIGN KEY (matter_code) REFERENCES tb_matter (code)
);

-- Materials checklist: PROVIDED at intake, PENDING under 容缺, SUPPLEMENTED later.
CREATE TABLE tb_case_material (
    case_id       BIGINT      NOT NULL,
    matter_code   VARCHAR(64) NOT NULL,
    material_code VARCHAR(64) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    PRIMARY KEY (case_id, matter_code, material_code),
    CONSTRAINT fk_case_material_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);

-- Dispatch result: which department reviews which matter of the case.
CREATE TABLE tb_case_routing (
    case_id         BIGINT      NOT NULL,
    matter_code     VARCHAR(64) NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, matter_code, department_code),
    CONSTRAINT fk_case_routing_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);
CREATE INDEX ix_case_routing_department ON tb_case_routing (department_code, case_id);

-- One department's review of the case (one branch of the parallel review).
CREATE TABLE tb_case_review (
    case_id         BIGINT       NOT NULL,
    department_code VARCHAR(64)  NOT NULL,
    leader_required BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    decision        VARCHAR(16),
    started_at      DATETIME(3) NOT NULL,
    ended_at        DATETIME(3),
    PRIMARY KEY (case_id, department_code),
    CONSTRAINT fk_case_review_case FOREIGN KEY (case_id) REFERENCES tb_case (id)
);

-- The timeline: every step's actor, time, decision and opinion; system events have no task.
CREATE TABLE tb_case_step (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    task_id         VARCHAR(64),
    activity_id     VARCHAR(64)   NOT NULL,
    activity_name   VARCHAR(128)  NOT NULL,
    department_code VARCHAR(64),
    actor           VARCHAR(64),
    actor_name      VARCHAR(64),
    decision        VARCHAR(32),
    opinion         VARCHAR(2000),
    occurred_at     DATETIME(3)  NOT NULL,
    CONSTRAINT fk_case_step_case FOREIGN KEY (case_id) REFERENCES tb_case (id),
    -- a task completes once: a racing second completion fails here instead of writing a duplicate
    CONSTRAINT uq_case_step_task UNIQUE (task_id)
);
CREATE INDEX ix_case_step_case ON tb_case_step (case_id, occurred_at);
