-- 时限: one clock per case, department review, supervision item and sub-item, counted in working days on the
-- official calendar. The light is a function of the stored instants (yellow_at, due_at, paused_at), so lists
-- filter by light in SQL; the BPMN timers fire at the same instants and raise the warnings and escalations.
CREATE TABLE tb_deadline (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind                VARCHAR(32)  NOT NULL, -- CASE | CASE_REVIEW | SUPERVISION_ITEM | SUPERVISION_TASK
    subject_id          BIGINT       NOT NULL, -- the case, supervision item or sub-item
    subject_part        VARCHAR(64)  NOT NULL, -- the department of a review, '-' otherwise
    subject_number      VARCHAR(32),
    title               VARCHAR(256) NOT NULL,
    agency_code         VARCHAR(64),
    department_code     VARCHAR(64),
    source              VARCHAR(32)  NOT NULL, -- CASE | INSTRUCTION | MEETING | OVERDUE_CASE
    process_instance_id VARCHAR(64),
    limit_days          INT          NOT NULL,
    started_at          DATETIME(3)  NOT NULL,
    due_at              DATETIME(3)  NOT NULL,
    yellow_at           DATETIME(3)  NOT NULL,
    budget_minutes      BIGINT       NOT NULL, -- working minutes the limit grants
    clock_state         VARCHAR(16)  NOT NULL, -- RUNNING | PAUSED | CLOSED | CANCELLED
    paused_at           DATETIME(3),
    remaining_days      INT,                   -- working days left, kept while paused
    paused_minutes      BIGINT       NOT NULL DEFAULT 0,
    warning             VARCHAR(32),           -- yellow before the calendar says so, e.g. FEEDBACK_MISSED
    yellow_raised_at    DATETIME(3),
    red_raised_at       DATETIME(3),
    closed_at           DATETIME(3),
    handling_minutes    BIGINT,                -- working minutes from start to close, pauses left out
    on_time             BOOLEAN,
    CONSTRAINT uq_deadline_subject UNIQUE (kind, subject_id, subject_part)
);
CREATE INDEX ix_deadline_open ON tb_deadline (clock_state, due_at);
CREATE INDEX ix_deadline_department ON tb_deadline (department_code, clock_state);
CREATE INDEX ix_deadline_closed ON tb_deadline (closed_at);

-- 补正 and other pauses of a clock: the case timeline shows these spans.
CREATE TABLE tb_deadline_pause (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deadline_id    BIGINT       NOT NULL,
    paused_at      DATETIME(3)  NOT NULL,
    resumed_at     DATETIME(3),
    remaining_days INT          NOT NULL,
    reason         VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_deadline_pause_deadline FOREIGN KEY (deadline_id) REFERENCES tb_deadline (id)
);
CREATE INDEX ix_deadline_pause_deadline ON tb_deadline_pause (deadline_id, paused_at);

-- Each user task worked under a clock: the history the statistics by step and the "at risk" prediction use.
CREATE TABLE tb_deadline_step (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deadline_id      BIGINT       NOT NULL,
    task_id          VARCHAR(64)  NOT NULL,
    activity_id      VARCHAR(64)  NOT NULL,
    activity_name    VARCHAR(128) NOT NULL,
    department_code  VARCHAR(64),           -- the department the task was offered to
    entered_at       DATETIME(3)  NOT NULL,
    due_at           DATETIME(3),           -- the task's due date; none while the clock is paused
    left_at          DATETIME(3),
    completed        BOOLEAN,               -- false: cancelled or deleted
    step_minutes     BIGINT,                -- working minutes in the step
    to_close_minutes BIGINT,                -- working minutes from entering the step to the clock's close
    CONSTRAINT fk_deadline_step_deadline FOREIGN KEY (deadline_id) REFERENCES tb_deadline (id),
    CONSTRAINT uq_deadline_step_task UNIQUE (task_id)
);
CREATE INDEX ix_deadline_step_deadline ON tb_deadline_step (deadline_id);
CREATE INDEX ix_deadline_step_left ON tb_deadline_step (left_at);
CREATE INDEX ix_deadline_step_activity ON tb_deadline_step (activity_id, department_code);

-- 通知: system notices (deadline warnings, overdue, escalation, urging) for a person or a department:role group.
-- Delivery over outside channels comes with the collaboration layer, from the NotificationCreated event.
CREATE TABLE tb_notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient_user  VARCHAR(64),
    recipient_group VARCHAR(128),
    kind            VARCHAR(32)   NOT NULL,
    title           VARCHAR(256)  NOT NULL,
    body            VARCHAR(2000),
    subject_type    VARCHAR(32),
    subject_id      BIGINT,
    created_at      DATETIME(3)   NOT NULL
);
CREATE INDEX ix_notification_user ON tb_notification (recipient_user, created_at);
CREATE INDEX ix_notification_group ON tb_notification (recipient_group, created_at);
