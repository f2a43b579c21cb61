package org.tongban.engine.document.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.AccessLevel;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.persistence.CodeRow;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;

/**
 * The decisions of {@code document-outgoing}'s steps and what each writes on the document, in the transaction
 * of the completion: the sign-off's signer, the seal time, the countersigning departments' access.
 */
@Component
class OutgoingTaskHandler implements TaskHandler {

    static final String SUBMIT = "SUBMIT";
    static final String AGREE = "AGREE";
    static final String RETURN = "RETURN";
    static final String DISAGREE = "DISAGREE";
    static final String SIGN = "SIGN";

    private static final Map<String, List<String>> DECISIONS = Map.of(
            "draft", List.of(SUBMIT),
            "check", List.of(AGREE, RETURN),
            "countersign", List.of(AGREE, DISAGREE),
            "officeReview", List.of(AGREE, RETURN),
            "signOff", List.of(SIGN, RETURN));

    private final DocumentMapper mapper;
    private final DocumentSubjects subjects;
    private final DocumentAccess access;
    private final DocumentTimeline timeline;

    OutgoingTaskHandler(DocumentMapper mapper, DocumentSubjects subjects, DocumentAccess access,
                        DocumentTimeline timeline) {
        this.mapper = mapper;
        this.subjects = subjects;
        this.access = access;
        this.timeline = timeline;
    }

    @Override
    public String processKey() {
        return ProcessKeys.DOCUMENT_OUTGOING;
    }

    @Override
    public List<String> decisions(String activityId) {
        return DECISIONS.getOrDefault(activityId, List.of());
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
        DocumentRow row = subjects.document(task.businessKey());
        String decision = form.decision();
        Map<String, Object> variables = new HashMap<>();
        switch (task.activityId()) {
            case "check" -> {
                DocumentSubjects.requireOpinion(RETURN.equals(decision), form.opinion(), "退回修改必须写明意见");
                variables.put("decision", decision);
                if (AGREE.equals(decision)) {
                    askForCountersign(row, variables);
                }
            }
            case "countersign" -> {
                DocumentSubjects.requireOpinion(DISAGREE.equals(decision), form.opinion(), "不同意会签必须写明意见");
                if (DISAGREE.equals(decision)) {
                    // lands on the process scope, where the check step declared it
                    variables.put("countersignDisagreed", true);
                }
            }
            case "officeReview" -> {
                DocumentSubjects.requireOpinion(RETURN.equals(decision), form.opinion(), "退回修改必须写明意见");
                variables.put("decision", decision);
            }
            case "signOff" -> {
                DocumentSubjects.requireOpinion(RETURN.equals(decision), form.opinion(), "退回修改必须写明意见");
                variables.put("decision", decision);
                if (SIGN.equals(decision)) {
                    mapper.sign(row.id, actor.username(), timeline.now(), DocumentStatus.SIGNED.name());
                }
            }
            case "seal" -> {
                decision = "SEALED";
                mapper.setSealed(row.id, DocumentStatus.SEALED.name(), timeline.now());
            }
            case "distribute" -> decision = "DISTRIBUTED";
            case "archive" -> decision = "ARCHIVED";
            default -> {
                // draft: submitted as it stands; its text was saved as versions along the way
            }
        }
        timeline.task(row.id, task.taskId(), task.activityId(), task.name(),
                task.departmentCode() != null ? task.departmentCode() : row.departmentCode, actor.username(),
                actor.displayName(), decision, form.opinion());
        return variables;
    }

    /** Hands the countersigning departments to the multi-instance and lets them see the draft. */
    private void askForCountersign(DocumentRow row, Map<String, Object> variables) {
        ArrayList<String> departments = new ArrayList<>(mapper.findCountersigns(row.id).stream()
                .map(CodeRow::code).toList());
        departments.forEach(d -> access.grant(row.id, d, AccessLevel.FULL));
        variables.put("countersignRequired", !departments.isEmpty());
        variables.put("countersignDepartments", departments);
        variables.put("countersignDisagreed", false);
    }

    @Override
    public Map<String, Subject> subjects(Collection<String> businessKeys) {
        return subjects.byDocumentId(businessKeys);
    }
}
