package org.tongban.engine.designer;

import java.util.List;

/**
 * A migration plan as Camunda builds and validates it: which step of the source version maps onto which step of
 * the target, and the validation errors (a plan with errors cannot be executed).
 */
public record MigrationPlanView(String sourceDefinitionId, String targetDefinitionId, List<Instruction> instructions,
                                List<PlanError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** One mapping of the plan. */
    public record Instruction(String sourceActivityId, String sourceName, String targetActivityId, String targetName,
                              boolean updateEventTrigger) {
    }

    /** Why an instruction, or the plan, is not valid. */
    public record PlanError(String sourceActivityId, String targetActivityId, String message) {
    }
}
