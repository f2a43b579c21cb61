package org.tongban.engine.approval;

import java.util.List;

/**
 * The signers of a running sign step in list order: SIGNED (decided), PENDING (their task is open) or WAITING
 * (a later signer of a 依次 step).
 */
public record SignersView(String activityId, String stepName, SignMode signMode, List<Signer> signers) {

    public record Signer(String username, String name, String state) {
    }
}
