package org.tongban.engine.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.internal.DocumentAccess;
import org.tongban.engine.document.internal.DocumentTimeline;
import org.tongban.engine.document.persistence.CirculationMapper;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.HandlingRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;

/**
 * The steps of a document by name rather than by task id: 核稿, 会签, 签发 … ({@link #act}), the leader's
 * 批办 with its handling departments ({@link #instruct}), and the read receipt of a circulation ({@link #read}).
 * Each completes the actor's task through {@link ApprovalService}, which checks who may act and lets the
 * process's task handler write the document's side in the same transaction.
 */
@Service
public class DocumentWorkflowService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DocumentAccess access;
    private final DocumentMapper mapper;
    private final CirculationMapper circulations;
    private final ApprovalService approvals;
    private final TaskService taskService;
    private final DirectoryService directory;
    private final DocumentTimeline timeline;
    private final ApplicationEventPublisher events;

    public DocumentWorkflowService(DocumentAccess access, DocumentMapper mapper, CirculationMapper circulations,
                                   ApprovalService approvals, TaskService taskService, DirectoryService directory,
                                   DocumentTimeline timeline, ApplicationEventPublisher events) {
        this.access = access;
        this.mapper = mapper;
        this.circulations = circulations;
        this.approvals = approvals;
        this.taskService = taskService;
        this.directory = directory;
        this.timeline = timeline;
        this.events = events;
    }

    /** Completes the actor's open task of {@code activityId} on the document, with a decision and an opinion. */
    @Transactional
    public void act(Actor actor, long documentId, String activityId, CompletionForm form) {
        DocumentRow row = access.visible(actor, documentId).row();
        approvals.complete(actor, taskOf(actor, row, activityId).getId(), form);
    }

    /**
     * 批办: the leader's instruction on an incoming document and the departments of the receiving agency that
     * handle it. Publishes {@link LeaderInstructed} in the same transaction (the supervision seam).
     */
    @Transactional
    public void instruct(Actor actor, long documentId, InstructionForm form) {
        DocumentRow row = access.visible(actor, documentId).row();
        Task task = taskOf(actor, row, "instruct");
        validate(row, form);
        mapper.deleteHandlings(documentId);
        for (String department : form.handlingDepartments()) {
            mapper.insertHandling(new HandlingRow(documentId, department, "PENDING", null, null, null));
            access.grant(documentId, department, AccessLevel.FULL);
        }
        approvals.complete(actor, task.getId(), CompletionForm.of(null, form.opinion()));
        events.publishEvent(new LeaderInstructed(documentId, row.agencyCode, row.title, row.docNumber, form.opinion(),
                form.handlingDepartments(), form.supervise(), form.supervisionDeadline(), actor.username(),
                timeline.now()));
    }

    /** 阅文: the actor's read receipt for every circulation of the document waiting on them. */
    @Transactional
    public void read(Actor actor, long documentId, ReadForm form) {
        access.visible(actor, documentId);
        Set<String> instances = Set.copyOf(circulations.findCirculationsOf(documentId).stream()
                .map(c -> c.processInstanceId).filter(id -> id != null).toList());
        List<Task> reading = instances.isEmpty() ? List.of() : taskService.createTaskQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey("read")
                .taskAssignee(actor.username()).list();
        if (reading.isEmpty()) {
            throw new ConflictException("您没有待阅的传阅");
        }
        for (Task task : reading) {
            approvals.complete(actor, task.getId(), CompletionForm.of(null, form == null ? null : form.opinion()));
        }
    }

    /** The task of the step the actor may do now; another person's step is forbidden, a step not open a conflict. */
    private Task taskOf(Actor actor, DocumentRow row, String activityId) {
        List<Task> open = row.processInstanceId == null ? List.of() : taskService.createTaskQuery()
                .processInstanceId(row.processInstanceId).taskDefinitionKey(activityId).list();
        if (open.isEmpty()) {
            throw new ConflictException("该公文当前不在「" + activityId + "」环节");
        }
        return open.stream().filter(t -> offeredTo(actor, t)).findFirst()
                .orElseThrow(() -> new ForbiddenException("「" + open.get(0).getName() + "」不由您办理"));
    }

    private boolean offeredTo(Actor actor, Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(actor.username());
        }
        Set<String> groups = actor.groups();
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                        && (groups.contains(l.getGroupId()) || actor.username().equals(l.getUserId())));
    }

    private void validate(DocumentRow row, InstructionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.opinion() == null || form.opinion().isEmpty()) {
            errors.put("opinion", "必须写明批示");
        } else if (form.opinion().length() > 2000) {
            errors.put("opinion", "至多 2000 字");
        }
        Map<String, Department> departments = directory.departmentsByCode();
        List<String> chosen = form.handlingDepartments();
        if (chosen.isEmpty() || chosen.size() > 20) {
            errors.put("handlingDepartments", "须指定 1 到 20 个承办部门");
        } else if (chosen.size() != Set.copyOf(chosen).size()) {
            errors.put("handlingDepartments", "承办部门重复");
        } else {
            for (String code : chosen) {
                Department department = departments.get(code);
                if (department == null || !department.agencyCode().equals(row.agencyCode)) {
                    errors.put("handlingDepartments", code + " 不是本机关的部门");
                }
            }
        }
        if (form.supervise() && (form.supervisionDeadline() == null
                || form.supervisionDeadline().isBefore(LocalDate.ofInstant(timeline.now(), ZONE)))) {
            errors.put("supervisionDeadline", "督办须给出不早于今天的办结期限");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("批办内容有误", errors);
        }
    }
}
