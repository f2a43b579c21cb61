package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;

/** Finding things in a process instance's activity instance tree. */
public final class ActivityTree {

    private ActivityTree() {
    }

    /** The activity instances from the process instance down to the task's own, or empty when not found. */
    public static List<ActivityInstance> pathTo(ActivityInstance root, Task task) {
        List<ActivityInstance> path = new ArrayList<>();
        return find(root, task, path) ? path : List.of();
    }

    private static boolean find(ActivityInstance node, Task task, List<ActivityInstance> path) {
        path.add(node);
        if (node.getActivityId().equals(task.getTaskDefinitionKey())
                && Arrays.asList(node.getExecutionIds()).contains(task.getExecutionId())) {
            return true;
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            if (find(child, task, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** The multi-instance body on the path (the body of the task's own activity). */
    public static Optional<ActivityInstance> body(List<ActivityInstance> path, String activityId) {
        return path.stream().filter(a -> a.getActivityId().equals(activityId + StepModels.BODY_SUFFIX)).findFirst();
    }

    /** All instances of the tree, depth first. */
    public static List<ActivityInstance> all(ActivityInstance root) {
        List<ActivityInstance> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(ActivityInstance node, List<ActivityInstance> all) {
        all.add(node);
        for (ActivityInstance child : node.getChildActivityInstances()) {
            collect(child, all);
        }
    }
}
