package org.tongban.engine.identity.persistence;

import java.time.Instant;

/** The credential columns of a {@code tb_user} row. */
public record CredentialRow(String username, String passwordHash, boolean enabled, int failedLogins,
                            Instant lockedUntil) {
}
