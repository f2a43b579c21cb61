-- 中国式审批 and the workbench (approval feature). All rows here are written in the transaction of the engine
-- command they describe (task listeners, process listeners, the approval services), so they commit or roll back
-- with it.

-- 我发起的 / subject of every list row: one row per process instance, written by a process start listener.
CREATE TABLE tb_work_subject (
    process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_key         VARCHAR(128) NOT NULL,
    process_name        VARCHAR(255),
    business_key        VARCHAR(255),
    subject_id          BIGINT,
    subject_number      VARCHAR(64),
    title               VARCHAR(256),
    initiator           VARCHAR(64),
    started_at          DATETIME(3)  NOT NULL,
    ended_at            DATETIME(3)
);
CREATE INDEX ix_work_subject_initiator ON tb_work_subject (initiator, started_at);

-- The matters a process instance is about (a case of a 一件事 bundle has several), for the matter filter.
CREATE TABLE tb_work_subject_matter (
    process_instance_id VARCHAR(64) NOT NULL,
    matter_code         VARCHAR(64) NOT NULL,
    PRIMARY KEY (process_instance_id, matter_code)
);
CREATE INDEX ix_work_subject_matter_code ON tb_work_subject_matter (matter_code, process_instance_id);

-- 待办 read model: one row per open user task, kept in step with the engine by built-in task listeners.
CREATE TABLE tb_work_item (
    task_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id   VARCHAR(64)  NOT NULL,
    process_definition_id VARCHAR(128) NOT NULL,
    process_key           VARCHAR(128) NOT NULL,
    activity_id           VARCHAR(255) NOT NULL,
    name                  VARCHAR(255),
    department_code       VARCHAR(64),
    assignee              VARCHAR(64),
    owner                 VARCHAR(64),
    delegated             BOOLEAN      NOT NULL,
    created_at            DATETIME(3)  NOT NULL,
    due_at                DATETIME(3)
);
CREATE INDEX ix_work_item_process ON tb_work_item (process_instance_id);

-- Who has an open task in their todo list. principal is 'u:<username>' or 'g:<department>:<role>'; via is
-- ASSIGNEE, CANDIDATE (only while unassigned), OWNER (a delegated task's owner) or PROXY (a stand-in, until
-- expires_on). Rows other than PROXY are recomputed on every assignment change.
CREATE TABLE tb_work_access (
    task_id      VARCHAR(64)  NOT NULL,
    principal    VARCHAR(200) NOT NULL,
    via          VARCHAR(16)  NOT NULL,
    on_behalf_of VARCHAR(64),
    expires_on   DATE,
    PRIMARY KEY (task_id, principal, via)
);
CREATE INDEX ix_work_access_principal ON tb_work_access (principal, task_id);

-- Every approval operation (办理, 转办, 委派, 退回, 撤回, 加签, 抄送, 催办 …) with its actor, opinion and
-- targets: the approval audit seam and the 已办 list (done_entry marks the rows that list shows).
CREATE TABLE tb_task_action (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id             VARCHAR(64),
    process_instance_id VARCHAR(64)   NOT NULL,
    process_key         VARCHAR(128)  NOT NULL,
    activity_id         VARCHAR(255),
    task_name           VARCHAR(255),
    action              VARCHAR(32)   NOT NULL,
    actor               VARCHAR(64)   NOT NULL,
    on_behalf_of        VARCHAR(64),
    targets             VARCHAR(1000),
    decision            VARCHAR(32),
    opinion             VARCHAR(2000),
    done_entry          BOOLEAN       NOT NULL,
    occurred_at         DATETIME(3)   NOT NULL
);
CREATE INDEX ix_task_action_done ON tb_task_action (actor, done_entry, occurred_at);
CREATE INDEX ix_task_action_task ON tb_task_action (task_id, action);
CREATE INDEX ix_task_action_process ON tb_task_action (process_instance_id, occurred_at);

-- The tasks a completion created (the "next step"), so its sender can withdraw it while they are untouched.
CREATE TABLE tb_task_successor (
    task_id           VARCHAR(64) NOT NULL,
    successor_task_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (task_id, successor_task_id)
);

-- 抄送我的: one row per recipient and process instance, with read state.
CREATE TABLE tb_copy (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    task_id             VARCHAR(64),
    activity_name       VARCHAR(255),
    recipient           VARCHAR(64)  NOT NULL,
    sent_by             VARCHAR(64)  NOT NULL,
    note                VARCHAR(500),
    created_at          DATETIME(3)  NOT NULL,
    read_at             DATETIME(3),
    CONSTRAINT uq_copy_recipient UNIQUE (process_instance_id, recipient)
);
CREATE INDEX ix_copy_recipient ON tb_copy (recipient, created_at);

-- 催办 at most once per hour per task and person: the last urge, updated with a guarded UPDATE.
CREATE TABLE tb_urge_limit (
    task_id       VARCHAR(64) NOT NULL,
    urged_by      VARCHAR(64) NOT NULL,
    last_urged_at DATETIME(3) NOT NULL,
    PRIMARY KEY (task_id, urged_by)
);

-- 常用语: a user's phrases; rows without a username are the defaults everyone is offered.
CREATE TABLE tb_phrase (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username   VARCHAR(64),
    content    VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL,
    created_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_phrase_user ON tb_phrase (username, sort_order);
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '同意。', 1, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '情况属实，拟同意。', 2, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '材料齐全，符合法定条件，予以办理。', 3, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '材料不全，请按告知补正。', 4, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '不符合法定条件，不同意。', 5, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '已阅。', 6, CURRENT_TIMESTAMP(3));
INSERT INTO tb_phrase (username, content, sort_order, created_at) VALUES (NULL, '请抓紧办理。', 7, CURRENT_TIMESTAMP(3));

-- 代理/委托: a user's stand-in for a date range (both days included, China Standard Time).
CREATE TABLE tb_proxy (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    principal    VARCHAR(64)  NOT NULL,
    stand_in     VARCHAR(64)  NOT NULL,
    starts_on    DATE         NOT NULL,
    ends_on      DATE         NOT NULL,
    note         VARCHAR(200),
    created_at   DATETIME(3)  NOT NULL,
    cancelled_at DATETIME(3)
);
CREATE INDEX ix_proxy_principal ON tb_proxy (principal, ends_on);
CREATE INDEX ix_proxy_stand_in ON tb_proxy (stand_in, ends_on);
CREATE INDEX ix_proxy_active ON tb_proxy (ends_on, starts_on);
