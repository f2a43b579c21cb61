package org.tongban.engine.matter.persistence;

/** A {@code tb_matter_bundle} row. */
public record BundleRow(String code, String name, String description) {
}
