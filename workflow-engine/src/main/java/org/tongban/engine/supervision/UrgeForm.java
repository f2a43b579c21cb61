package org.tongban.engine.supervision;

/** 催办: urge one sub-item's unit, or every unit with open work on the item when {@code subItemId} is null. */
public record UrgeForm(Long subItemId, String note) {
}
