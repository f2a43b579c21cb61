package org.tongban.engine.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Starts the test models of {@code bpmn/*-test.bpmn} (test resources, deployed in tests only):
 * draft (the initiator) → a sign step of the signers → archive, or revise when the step disagreed; and a
 * parallel legal/finance review between draft and archive.
 */
public final class TestProcesses {

    public static final String COUNTERSIGN = "countersign-test";
    public static final String ANY_SIGN = "any-sign-test";
    public static final String SEQUENTIAL = "sequential-sign-test";
    public static final String PARALLEL_REVIEW = "parallel-review-test";

    private TestProcesses() {
    }

    /** A sign-step process with {@code signers} as the signer list. */
    public static ProcessInstance startSigning(RuntimeService runtime, String key, String initiator, String... signers) {
        return runtime.startProcessInstanceByKey(key, Variables.createVariables()
                .putValue("initiator", initiator)
                .putValue("signers", new ArrayList<>(List.of(signers))));
    }

    public static ProcessInstance startParallelReview(RuntimeService runtime, String initiator, String legal, String finance) {
        return runtime.startProcessInstanceByKey(PARALLEL_REVIEW, Variables.createVariables()
                .putValue("initiator", initiator).putValue("legal", legal).putValue("finance", finance));
    }
}
