package org.tongban.engine.matter;

/** 申请材料. Only a non-key material may be missing at a 容缺 (accept-with-pending-materials) intake. */
public record Material(String code, String name, boolean keyMaterial) {
}
