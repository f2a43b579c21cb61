-- Directory (通讯录): agencies, departments, people and their positions.
CREATE TABLE tb_agency (
    code        VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    short_name  VARCHAR(32)  NOT NULL,
    agency_level VARCHAR(16) NOT NULL,
    parent_code VARCHAR(64),
    sort_order  INT          NOT NULL DEFAULT 0
);

CREATE TABLE tb_department (
    code        VARCHAR(64)  NOT NULL PRIMARY KEY,
    agency_code VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_department_agency FOREIGN KEY (agency_code) REFERENCES tb_agency (code)
);

CREATE TABLE tb_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    phone         VARCHAR(32),
    email         VARCHAR(128),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3) NOT NULL
);

-- A user holds a role in a department; BPMN candidate groups are "<department>:<role>".
CREATE TABLE tb_position (
    username        VARCHAR(64) NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    role_name       VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, department_code, role_name),
    CONSTRAINT fk_position_user FOREIGN KEY (username) REFERENCES tb_user (username),
    CONSTRAINT fk_position_department FOREIGN KEY (department_code) REFERENCES tb_department (code)
);
CREATE INDEX ix_position_department ON tb_position (department_code, role_name);

-- Matter catalogue (事项目录).
CREATE TABLE tb_matter (
    code            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(128) NOT NULL,
    promised_days   INT          NOT NULL,
    statutory_days  INT          NOT NULL,
    leader_required BOOLEAN      NOT NULL,
    description     VARCHAR(512)
);

CREATE TABLE tb_matter_material (
    matter_code  VARCHAR(64)  NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    name         VARCHAR(128) NOT NULL,
    key_material BOOLEAN      NOT NULL,
    sort_order   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (matter_code, code),
    CONSTRAINT fk_material_matter FOREIGN KEY (matter_code) REFERENCES tb_matter (code)
);

-- Departments that take part in a matter (the DMN table picks among them per application).
CREATE TABLE tb_matter_department (
    matter_code     VARCHAR(64) NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    PRIMARY KEY (matter_code, department_code),
    CONSTRAINT fk_matter_department_matter FOREIGN KEY (matter_code) REFERENCES tb_matter (code),
    CONSTRAINT fk_matter_department_department FOREIGN KEY (department_code) REFERENCES tb_department (code)
);

-- 一件事: several matters handled as one application.
CREATE TABLE tb_matter_bundle (
    code        VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    description VARCHAR(512)
);

CREATE TABLE tb_matter_bundle_item (
    bundle_code VARCHAR(64) NOT NULL,
    matter_code VARCHAR(64) NOT NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (bundle_code, matter_code),
    CONSTRAINT fk_bundle_item_bundle FOREIGN KEY (bundle_code) REFERENCES tb_matter_bundle (code),
    CONSTRAINT fk_bundle_item_matter FOREIGN KEY (matter_code) REFERENCES tb_matter (code)
);

-- Named counters, incremented under a row lock (case numbers; later document numbers).
CREATE TABLE tb_sequence (
    name       VARCHAR(128) NOT NULL PRIMARY KEY,
    next_value BIGINT       NOT NULL
);
