package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks one engine call creates, as the read model's create listener sees them ({@link WorkItemListener}):
 * what a completion hands on to, so its sender can withdraw it while it is untouched. The engine runs a command in
 * the caller's thread, so a thread-bound list is exact, and cheaper than listing the instance's open tasks before
 * and after.
 */
final class CreatedTasks {

    private static final ThreadLocal<List<String>> CREATED = new ThreadLocal<>();

    private CreatedTasks() {
    }

    /** Runs {@code call} and returns the ids of the tasks created while it ran, in creation order. */
    static List<String> during(Runnable call) {
        List<String> outer = CREATED.get();
        List<String> created = new ArrayList<>();
        CREATED.set(created);
        try {
            call.run();
            return created;
        } finally {
            if (outer == null) {
                CREATED.remove();
            } else {
                outer.addAll(created);
                CREATED.set(outer);
            }
        }
    }

    /** A task that ended in the same call (a signer's instance cancelled at once) was handed nothing. */
    static void ended(String taskId) {
        List<String> created = CREATED.get();
        if (created != null) {
            created.remove(taskId);
        }
    }

    static void created(String taskId) {
        List<String> created = CREATED.get();
        if (created != null) {
            created.add(taskId);
        }
    }
}
