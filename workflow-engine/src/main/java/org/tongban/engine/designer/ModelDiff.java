package org.tongban.engine.designer;

import java.util.List;

/**
 * What changed between two versions, element by element (by id): added, removed, and changed elements with the
 * attributes or extension settings that differ. Layout (diagram interchange) is not compared.
 */
public record ModelDiff(String fromId, int fromVersion, String toId, int toVersion, List<Change> added,
                        List<Change> removed, List<Change> changed) {

    /** One element that changed; {@code details} says how (e.g. {@code name: 审核 → 复核}). */
    public record Change(String elementId, String type, String name, List<String> details) {
    }
}
