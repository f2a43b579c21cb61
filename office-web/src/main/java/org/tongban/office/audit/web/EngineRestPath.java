package org.tongban.office.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A path of Camunda's REST API ({@code /engine-rest/...}) as the audit trail records it: the template with the
 * ids, keys and names in braces ({@code /engine-rest/task/{id}/complete}), and the first of them as the object id.
 * Camunda's ids (UUIDs, {@code key:version:uuid}) hold a digit or a colon; keys, tenant ids and variable names
 * follow a segment that says so.
 *
 * @param template the path with each id-like segment replaced by {@code {id}} (or {@code {key}}, {@code {name}})
 * @param firstId  the first id-like segment, or null when the path has none
 */
record EngineRestPath(String template, String firstId) {

    private static final Set<String> KEY_BEFORE = Set.of("key", "tenant-id");
    private static final Set<String> NAME_BEFORE = Set.of("variables", "localVariables", "data");

    static EngineRestPath of(String uri) {
        String[] segments = uri.split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        String firstId = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String before = i > 0 ? segments[i - 1] : "";
            String placeholder = null;
            if (i >= 3 && KEY_BEFORE.contains(before)) {
                placeholder = "{key}";
            } else if (i >= 3 && NAME_BEFORE.contains(before)) {
                placeholder = "{name}";
            } else if (i >= 3 && segment.chars().anyMatch(c -> Character.isDigit(c) || c == ':')) {
                placeholder = "{id}";
            }
            if (placeholder != null && firstId == null) {
                firstId = segment;
            }
            out.add(placeholder != null ? placeholder : segment);
        }
        return new EngineRestPath(String.join("/", out), firstId);
    }
}
