package org.tongban.engine.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the signers of a multi-instance user task decide, set in the model with the extension property
 * {@value #PROPERTY} ({@code <camunda:property name="tongban:signMode" value="COUNTERSIGN"/>}). Each signer decides
 * {@link #AGREE} or {@link #DISAGREE}; the step's result is left in the process variable {@value #RESULT_VARIABLE}
 * ({@code AGREED} or {@code DISAGREED}) for the gateway after it.
 */
public enum SignMode {
    /** 会签: parallel, all must agree. The first DISAGREE ends the step at once (DISAGREED); the other signers' tasks are cancelled. */
    COUNTERSIGN,
    /** 或签: parallel, the first decision (agree or disagree) ends the step with that decision. */
    ANY_SIGN,
    /** 依次审批: one signer after the other in list order; a DISAGREE ends the step at once (DISAGREED). */
    SEQUENTIAL;

    /** The extension property naming the sign mode of a multi-instance user task. */
    public static final String PROPERTY = "tongban:signMode";
    /** The variable each signer's completion sets (declared per instance, so signers never overwrite each other). */
    public static final String DECISION_VARIABLE = "signDecision";
    /** The step's result, set when the step ends: AGREED or DISAGREED. */
    public static final String RESULT_VARIABLE = "signResult";
    public static final String AGREE = "AGREE";
    public static final String DISAGREE = "DISAGREE";

    public static Optional<SignMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }

    /** 会签 / 或签 / 依次审批 */
    public String label() {
        return switch (this) {
            case COUNTERSIGN -> "会签";
            case ANY_SIGN -> "或签";
            case SEQUENTIAL -> "依次审批";
        };
    }
}
