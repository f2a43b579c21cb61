package org.tongban.engine.document.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.persistence.CirculationMapper;
import org.tongban.engine.document.persistence.CirculationRow;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.ConflictException;

/** 阅文: completing a reading task of {@code document-circulation} is the reader's read receipt. */
@Component
class CirculationTaskHandler implements TaskHandler {

    private final CirculationMapper circulations;
    private final DocumentMapper documents;
    private final DocumentTimeline timeline;

    CirculationTaskHandler(CirculationMapper circulations, DocumentMapper documents, DocumentTimeline timeline) {
        this.circulations = circulations;
        this.documents = documents;
        this.timeline = timeline;
    }

    @Override
    public String processKey() {
        return ProcessKeys.DOCUMENT_CIRCULATION;
    }

    @Override
    public List<String> decisions(String activityId) {
        return List.of();
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
        long circulationId = Long.parseLong(task.businessKey());
        if (circulations.markRead(circulationId, actor.username(), timeline.now(), form.opinion()) != 1) {
            throw new ConflictException("您已阅过此文");
        }
        return Map.of();
    }

    /** A reading task is about the document being circulated. */
    @Override
    public Map<String, Subject> subjects(Collection<String> businessKeys) {
        List<Long> ids = businessKeys.stream().filter(Objects::nonNull).map(Long::valueOf).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<CirculationRow> rows = circulations.findCirculations(ids);
        Map<Long, DocumentRow> docs = documents.findDocuments(rows.stream().map(c -> c.documentId).distinct().toList())
                .stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        return rows.stream().collect(Collectors.toMap(c -> String.valueOf(c.id), c -> {
            DocumentRow d = docs.get(c.documentId);
            return new Subject(d.id, d.docNumber, "传阅：" + d.title);
        }));
    }
}
