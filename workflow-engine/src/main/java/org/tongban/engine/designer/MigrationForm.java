package org.tongban.engine.designer;

import java.util.List;

/**
 * A migration between two versions: the generated plan (equal activities mapped onto each other) plus
 * {@code mappings} for steps whose id changed; {@code processInstanceIds} empty = every running case of the source
 * version; {@code async} runs it as a Camunda batch (progress through {@code batch}), else at once.
 */
public record MigrationForm(String sourceDefinitionId, String targetDefinitionId, List<Mapping> mappings,
                            List<String> processInstanceIds, boolean async) {

    public MigrationForm {
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        processInstanceIds = processInstanceIds == null ? List.of() : List.copyOf(processInstanceIds);
    }

    /** Map a step of the source version onto a step of the target version. */
    public record Mapping(String sourceActivityId, String targetActivityId) {
    }
}
