package org.tongban.engine.approval.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.directory.Actor;

/**
 * The {@link TaskHandler} of each process key, looked up lazily: handlers use the engine's services, and the
 * engine's listeners use this registry, so resolving them at construction would be a cycle. A process without a
 * handler gets the generic one.
 */
@Component
public class Handlers {

    private static final TaskHandler GENERIC = new GenericTaskHandler();

    private final ObjectProvider<TaskHandler> provider;
    private volatile Map<String, TaskHandler> byKey;

    public Handlers(ObjectProvider<TaskHandler> provider) {
        this.provider = provider;
    }

    public TaskHandler of(String processKey) {
        Map<String, TaskHandler> map = byKey;
        if (map == null) {
            map = provider.orderedStream().collect(Collectors.toMap(TaskHandler::processKey, Function.identity()));
            byKey = map;
        }
        return map.getOrDefault(processKey, GENERIC);
    }

    /** No decisions, no business side: the approval action log is the record. */
    private static final class GenericTaskHandler implements TaskHandler {

        @Override
        public String processKey() {
            return "*";
        }

        @Override
        public List<String> decisions(String activityId) {
            return List.of();
        }

        @Override
        public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
            return Map.of();
        }

        @Override
        public Map<String, Subject> subjects(Collection<String> businessKeys) {
            return Map.of();
        }
    }
}
