package org.tongban.engine.document.internal;

import java.time.LocalDate;
import java.time.ZoneId;
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
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.DocumentNumbering;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.HandlingRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.SequenceService;

/**
 * The steps of {@code document-incoming}: 登记 gives the 收文编号, 拟办 and 批办 need an opinion, 批办 hands the
 * departments chosen through {@code DocumentWorkflowService.instruct} to the parallel 承办, each 承办 records its
 * result, 办结 closes.
 */
@Component
class IncomingTaskHandler implements TaskHandler {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DocumentMapper mapper;
    private final DocumentSubjects subjects;
    private final DocumentTimeline timeline;
    private final SequenceService sequences;
    private final DirectoryService directory;

    IncomingTaskHandler(DocumentMapper mapper, DocumentSubjects subjects, DocumentTimeline timeline,
                        SequenceService sequences, DirectoryService directory) {
        this.mapper = mapper;
        this.subjects = subjects;
        this.timeline = timeline;
        this.sequences = sequences;
        this.directory = directory;
    }

    @Override
    public String processKey() {
        return ProcessKeys.DOCUMENT_INCOMING;
    }

    @Override
    public List<String> decisions(String activityId) {
        return List.of();
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
        DocumentRow row = subjects.document(task.businessKey());
        Map<String, Object> variables = new HashMap<>();
        String outcome = null;
        switch (task.activityId()) {
            case "register" -> {
                outcome = receiptNumber(row);
                mapper.setReceiptNumber(row.id, outcome, DocumentStatus.REGISTERED.name(), timeline.now());
            }
            case "propose" -> DocumentSubjects.requireOpinion(true, form.opinion(), "拟办必须写明拟办意见");
            case "instruct" -> {
                DocumentSubjects.requireOpinion(true, form.opinion(), "批办必须写明批示");
                List<String> departments = mapper.findHandlings(row.id).stream().map(HandlingRow::departmentCode)
                        .toList();
                if (departments.isEmpty()) {
                    throw new InvalidInputException("批办须指定承办部门（请使用批办接口）",
                            Map.of("handlingDepartments", "不能为空"));
                }
                variables.put("handlingDepartments", new ArrayList<>(departments));
                mapper.setStatus(row.id, DocumentStatus.INSTRUCTED.name(), timeline.now());
                outcome = String.join("、", departments);
            }
            case "handle" -> {
                DocumentSubjects.requireOpinion(true, form.opinion(), "承办必须写明办理结果");
                int updated = mapper.updateHandling(new HandlingRow(row.id, task.departmentCode(), "DONE",
                        form.opinion(), actor.username(), timeline.now()));
                if (updated != 1) {
                    throw new ConflictException("本部门不是该收文的承办部门：" + task.departmentCode());
                }
                outcome = "DONE";
            }
            case "close" -> {
                outcome = "CLOSED";
                mapper.setStatus(row.id, DocumentStatus.CLOSED.name(), timeline.now());
            }
            default -> {
                // a step the handler does not know: recorded as it is
            }
        }
        timeline.task(row.id, task.taskId(), task.activityId(), task.name(),
                task.departmentCode() != null ? task.departmentCode() : row.officeDepartment, actor.username(),
                actor.displayName(), outcome, form.opinion());
        return variables;
    }

    /** 收文编号: {@code 杭消收〔2026〕7号}, gap-free per receiving agency and year. */
    private String receiptNumber(DocumentRow row) {
        if (row.receiptNumber != null) {
            return row.receiptNumber;
        }
        int year = LocalDate.ofInstant(timeline.now(), ZONE).getYear();
        String counter = "document-receipt:" + row.agencyCode + ":" + year;
        sequences.ensure(counter);
        String shortName = directory.agency(row.agencyCode).orElseThrow().shortName();
        return DocumentNumbering.format(shortName + "收", year, sequences.next(counter));
    }

    @Override
    public Map<String, Subject> subjects(Collection<String> businessKeys) {
        return subjects.byDocumentId(businessKeys);
    }
}
