package org.tongban.engine.approval.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.tongban.engine.approval.SignMode;

/**
 * The built-in listeners that make a multi-instance user task with {@code tongban:signMode} a sign step:
 * <ul>
 * <li>the multi-instance body declares the counters {@value #AGREED} and {@value #DISAGREED} when it starts and
 *     sets {@link SignMode#RESULT_VARIABLE} when it ends normally (not when it is cancelled by a send-back);</li>
 * <li>each signer's instance declares {@link SignMode#DECISION_VARIABLE} locally, so a completion's decision
 *     lands in that instance and never overwrites another signer's;</li>
 * <li>each signer's completion counts its decision on the body, where the completion condition reads it.</li>
 * </ul>
 * Two signers completing at the same moment both update the body's counters; the engine's optimistic locking
 * lets one win and the other gets a conflict (409) and may simply retry.
 */
final class SignStepListeners {

    static final String AGREED = "signAgreed";
    static final String DISAGREED = "signDisagreed";

    /** On the multi-instance body: start declares the counters, end sets the result. */
    static final ExecutionListener BODY = execution -> {
        if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
            execution.setVariableLocal(AGREED, 0);
            execution.setVariableLocal(DISAGREED, 0);
        } else if (!((ExecutionEntity) execution).isCanceled()) {
            int disagreed = count(execution, DISAGREED);
            // set on the enclosing scope (the body's own variables end with it)
            ((ExecutionEntity) execution).getParent().setVariable(SignMode.RESULT_VARIABLE,
                    disagreed > 0 ? "DISAGREED" : "AGREED");
        }
    };

    /** On the inner activity's start: one decision variable per signer. */
    static final ExecutionListener INSTANCE = execution -> execution.setVariableLocal(SignMode.DECISION_VARIABLE, null);

    /** On each signer's completion: count the decision where the completion condition sees it. */
    static final TaskListener COMPLETE = task -> {
        Object decision = task.getVariable(SignMode.DECISION_VARIABLE);
        if (!SignMode.AGREE.equals(decision) && !SignMode.DISAGREE.equals(decision)) {
            throw new ProcessEngineException("A sign step is completed with " + SignMode.DECISION_VARIABLE
                    + " = AGREE or DISAGREE, got " + decision + " (task " + task.getId() + ")");
        }
        String counter = SignMode.AGREE.equals(decision) ? AGREED : DISAGREED;
        DelegateExecution execution = task.getExecution();
        // the counter lives on the multi-instance body; setVariable finds it there
        execution.setVariable(counter, count(execution, counter) + 1);
    };

    private SignStepListeners() {
    }

    private static int count(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number n ? n.intValue() : 0;
    }

    /** The completion condition of a sign mode's multi-instance body. */
    static String completionCondition(SignMode mode) {
        return switch (mode) {
            case ANY_SIGN -> "${nrOfCompletedInstances >= 1}";
            case COUNTERSIGN, SEQUENTIAL -> "${" + DISAGREED + " > 0}";
        };
    }
}
