package org.tongban.engine.document.internal;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.Direction;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;

/**
 * Who may change a draft's text and attachments: whoever holds its 拟稿, 核稿 or 办公室审核 step right now (assigned,
 * or offered to their group and not claimed by someone else). After sign-off nobody may.
 */
@Component
public class DraftEditors {

    private static final String[] EDITING_STEPS = {"draft", "check", "officeReview"};

    private final TaskService taskService;

    public DraftEditors(TaskService taskService) {
        this.taskService = taskService;
    }

    public void requireEditor(Actor actor, DocumentRow row) {
        if (!Direction.OUTGOING.name().equals(row.direction) || !DocumentStatus.DRAFTING.name().equals(row.status)) {
            throw new ConflictException("公文已签发或为收文，不能再修改");
        }
        if (!holdsEditingStep(actor, row)) {
            throw new ForbiddenException("当前环节不由您办理，不能修改公文");
        }
    }

    private boolean holdsEditingStep(Actor actor, DocumentRow row) {
        TaskQuery query = taskService.createTaskQuery().processInstanceId(row.processInstanceId)
                .taskDefinitionKeyIn(EDITING_STEPS);
        if (actor.groups().isEmpty()) {
            return query.taskAssignee(actor.username()).count() > 0;
        }
        return query.or().taskAssignee(actor.username()).taskCandidateGroupIn(List.copyOf(actor.groups())).endOr()
                .count() > 0;
    }
}
