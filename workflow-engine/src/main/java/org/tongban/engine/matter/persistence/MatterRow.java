package org.tongban.engine.matter.persistence;

/** A {@code tb_matter} row; {@code pendingMaterialsExpiry} is ESCALATE or REFUSE, {@code pendingMaterialsDays} may be null. */
public record MatterRow(String code, String name, int promisedDays, int statutoryDays, boolean leaderRequired,
                        String description, String pendingMaterialsExpiry, Integer pendingMaterialsDays) {
}
