package org.tongban.engine.audit.persistence;

/**
 * The {@code tb_audit_head} row.
 *
 * @param lastId     the newest record's id, 0 when none was ever written
 * @param lastHash   the newest record's hash
 * @param anchorId   the last record removed by retention, 0 when none; verification starts after it
 * @param anchorHash that record's hash, which the first remaining record links to
 */
public record AuditHead(long lastId, String lastHash, long anchorId, String anchorHash) {
}
