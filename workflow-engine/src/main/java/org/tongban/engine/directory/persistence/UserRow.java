package org.tongban.engine.directory.persistence;

import java.time.Instant;

/** A {@code tb_user} row, credentials included; never leaves the directory feature. */
public record UserRow(String username, String displayName, String passwordHash, String phone, String email,
                      boolean enabled, Instant createdAt) {
}
