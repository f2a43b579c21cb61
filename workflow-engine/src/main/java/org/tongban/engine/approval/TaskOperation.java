package org.tongban.engine.approval;

import java.time.Instant;
import java.util.List;

/**
 * One recorded operation on a task: who did it (and for whom, when a stand-in acted), at whom or what it was
 * aimed ({@code targets}: usernames, or the activity id a send-back went to), with the decision and opinion.
 * {@code targetLabel} is the same for people to read (names, or the step's name).
 */
public record TaskOperation(Operation operation, String actor, String actorName, String onBehalfOf,
                            String onBehalfOfName, List<String> targets, String targetLabel, String decision,
                            String opinion, Instant occurredAt) {

    public TaskOperation {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** "王芳" or "王芳（代李强）" — the name to show for the actor. */
    public String actorLabel() {
        return onBehalfOf == null ? actorName : actorName + "（代" + onBehalfOfName + "）";
    }
}
