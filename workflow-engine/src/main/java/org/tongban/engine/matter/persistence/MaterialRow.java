package org.tongban.engine.matter.persistence;

/** A {@code tb_matter_material} row. */
public record MaterialRow(String matterCode, String code, String name, boolean keyMaterial, int sortOrder) {
}
