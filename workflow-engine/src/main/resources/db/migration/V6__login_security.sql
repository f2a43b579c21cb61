-- 等保 2.0 level 3: login failure lockout and server-side sessions (idle timeout, logout).
ALTER TABLE tb_user ADD COLUMN failed_logins INT NOT NULL DEFAULT 0;
ALTER TABLE tb_user ADD COLUMN locked_until DATETIME(3);
ALTER TABLE tb_user ADD COLUMN password_changed_at DATETIME(3);

CREATE TABLE tb_session (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    client_address VARCHAR(64),
    created_at     DATETIME(3)  NOT NULL,
    last_seen_at   DATETIME(3)  NOT NULL,
    ended_at       DATETIME(3),
    CONSTRAINT fk_session_user FOREIGN KEY (username) REFERENCES tb_user (username)
);
CREATE INDEX ix_session_user ON tb_session (username, created_at);
