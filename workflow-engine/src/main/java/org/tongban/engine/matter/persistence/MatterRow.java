package org.tongban.engine.matter.persistence;

/** A {@code tb_matter} row. */
public record MatterRow(String code, String name, int promisedDays, int statutoryDays, boolean leaderRequired,
                        String description) {
}
