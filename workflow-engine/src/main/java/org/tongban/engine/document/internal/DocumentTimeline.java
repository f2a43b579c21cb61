package org.tongban.engine.document.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentStepRow;

/** Writes timeline entries of a document. */
@Component
public class DocumentTimeline {

    /** The actor of steps the engine takes by itself (numbering, exchange, archiving). */
    public static final String SYSTEM = "system";
    public static final String SYSTEM_NAME = "系统";

    private final DocumentMapper mapper;
    private final Clock clock;

    public DocumentTimeline(DocumentMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A step done by a person on a task; a second entry for the same task fails (a racing completion). */
    public void task(long documentId, String taskId, String activityId, String activityName, String department,
                     String actor, String actorName, String decision, String opinion) {
        mapper.insertStep(new DocumentStepRow(documentId, taskId, activityId, activityName, department, actor,
                actorName, decision, opinion, now()));
    }

    /** A step without a task: by a person (拟稿) or by the system. */
    public void event(long documentId, String activityId, String activityName, String actor, String actorName,
                      String note) {
        mapper.insertStep(new DocumentStepRow(documentId, null, activityId, activityName, null, actor, actorName, null,
                note, now()));
    }

    public Instant now() {
        return clock.instant();
    }
}
