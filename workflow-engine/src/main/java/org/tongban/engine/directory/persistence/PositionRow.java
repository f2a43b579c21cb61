package org.tongban.engine.directory.persistence;

/** A {@code tb_position} row. */
public record PositionRow(String username, String departmentCode, String roleName) {
}
