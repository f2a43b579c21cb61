package org.tongban.engine.cases.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.Operation;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.approval.TaskOperation;
import org.tongban.engine.cases.CaseStatus;
import org.tongban.engine.cases.persistence.CaseMatterRow;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.MaterialRow;
import org.tongban.engine.cases.persistence.ReviewRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.matter.Material;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.platform.InvalidInputException;

/** The decisions of one-window-approval's tasks and what each writes on the case. */
@Component
class OneWindowTaskHandler implements TaskHandler {

    static final String ACCEPT = "ACCEPT";
    static final String ACCEPT_WITH_PENDING = "ACCEPT_WITH_PENDING";
    static final String REFUSE = "REFUSE";
    static final String GRANT = "GRANT";
    static final String DENY = "DENY";
    static final String SUPPLEMENT = "SUPPLEMENT";

    private static final Map<String, List<String>> DECISIONS = Map.of(
            "intake", List.of(ACCEPT, ACCEPT_WITH_PENDING, REFUSE),
            "handle", List.of(GRANT, DENY, SUPPLEMENT),
            "review", List.of(GRANT, DENY),
            "leaderApproval", List.of(GRANT, DENY));

    private final CaseMapper mapper;
    private final MatterCatalog catalog;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final DirectoryService directory;
    private final CaseExchange exchange;
    private final PendingMaterialsClock pendingClock;

    OneWindowTaskHandler(CaseMapper mapper, MatterCatalog catalog, CaseTimeline timeline, RuntimeService runtimeService,
                         DirectoryService directory, CaseExchange exchange, PendingMaterialsClock pendingClock) {
        this.exchange = exchange;
        this.pendingClock = pendingClock;
        this.mapper = mapper;
        this.runtimeService = runtimeService;
        this.catalog = catalog;
        this.timeline = timeline;
        this.directory = directory;
    }

    @Override
    public String processKey() {
        return ProcessKeys.ONE_WINDOW_APPROVAL;
    }

    @Override
    public List<String> decisions(String activityId) {
        return DECISIONS.getOrDefault(activityId, List.of());
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
        long caseId = Long.parseLong(task.businessKey());
        String decision = form.decision();
        Map<String, Object> variables = new HashMap<>();
        switch (task.activityId()) {
            case "intake" -> intake(caseId, form, variables);
            case "handle", "review", "leaderApproval" -> {
                if ((DENY.equals(decision) || SUPPLEMENT.equals(decision)) && !form.hasOpinion()) {
                    throw new InvalidInputException(DENY.equals(decision) ? "不予许可必须填写理由" : "补正告知必须写明需补正的材料",
                            Map.of("opinion", "必填"));
                }
                variables.put(CaseVariables.DECISION, decision);
                if (SUPPLEMENT.equals(decision)) {
                    setReviewStatus(caseId, task.departmentCode(), "SUPPLEMENTING");
                }
            }
            case "registerSupplement" -> {
                decision = "SUPPLEMENTED";
                setReviewStatus(caseId, departmentOfSupplement(task), "IN_PROGRESS");
            }
            case "collectPendingMaterials" -> {
                decision = "SUPPLEMENTED";
                mapper.replaceMaterialStatus(caseId, "PENDING", "SUPPLEMENTED");
            }
            case "deliver" -> decision = "DELIVERED";
            default -> {
                // a task the handler does not know: record it and pass the decision through
            }
        }
        timeline.task(caseId, task.taskId(), task.activityId(), task.name(), task.departmentCode(), actor.username(),
                actorName(actor, task), decision, form.opinion());
        return variables;
    }

    /**
     * 转办, 委派, 退回, 撤回, 抄送, 催办 … on the timeline. A send-back is the task's last entry (it carries the task id,
     * so it and a racing completion cannot both be written); going back to intake puts the case back to RECEIVED.
     */
    @Override
    public void recorded(TaskContext task, TaskOperation operation) {
        if (task.businessKey() == null) {
            return;
        }
        long caseId = Long.parseLong(task.businessKey());
        String note = operation.targetLabel() == null ? operation.opinion()
                : "→ " + operation.targetLabel() + (operation.opinion() == null ? "" : "：" + operation.opinion());
        timeline.task(caseId, operation.operation() == Operation.SEND_BACK ? task.taskId() : null, task.activityId(),
                task.name() + "·" + operation.operation().label(), task.departmentCode(), operation.actor(),
                operation.actorLabel(), operation.operation().name(), note);
        boolean movedBack = operation.operation() == Operation.SEND_BACK || operation.operation() == Operation.WITHDRAW;
        if (movedBack && operation.targets().contains("intake")) {
            mapper.setStatus(caseId, CaseStatus.RECEIVED.name());
            exchange.reportStatus(caseId);
        }
    }

    @Override
    public List<String> matterCodes(String businessKey) {
        return mapper.findMatters(Long.parseLong(businessKey)).stream().map(CaseMatterRow::matterCode).toList();
    }

    /** "王芳" or, for a stand-in, "王芳（代李强）". */
    private String actorName(Actor actor, TaskContext task) {
        if (task.onBehalfOf() == null) {
            return actor.displayName();
        }
        String principal = directory.displayNames(List.of(task.onBehalfOf())).getOrDefault(task.onBehalfOf(), task.onBehalfOf());
        return actor.displayName() + "（代" + principal + "）";
    }

    private void intake(long caseId, CompletionForm form, Map<String, Object> variables) {
        String decision = form.decision();
        if (REFUSE.equals(decision) && !form.hasOpinion()) {
            throw new InvalidInputException("不予受理必须填写理由", Map.of("opinion", "必填"));
        }
        if (ACCEPT_WITH_PENDING.equals(decision)) {
            markPending(caseId, form.pendingMaterials());
            pendingClock.start(caseId);
        } else if (!form.pendingMaterials().isEmpty()) {
            throw new InvalidInputException("只有容缺受理可以列出待补材料", Map.of("pendingMaterials", "仅容缺受理时填写"));
        }
        mapper.setIntakeDecision(caseId, decision);
        variables.put(CaseVariables.INTAKE_DECISION, decision);
    }

    /** 容缺: only non-key materials of the case's own matters may be missing. */
    private void markPending(long caseId, List<String> pending) {
        if (pending.isEmpty()) {
            throw new InvalidInputException("容缺受理必须列出待补的非关键材料", Map.of("pendingMaterials", "不能为空"));
        }
        Map<String, Matter> matters = catalog.mattersByCode();
        Map<String, MaterialRow> onCase = mapper.findMaterials(caseId).stream()
                .collect(Collectors.toMap(m -> m.matterCode() + "/" + m.materialCode(), m -> m));
        for (String key : pending) {
            MaterialRow row = onCase.get(key);
            if (row == null) {
                throw new InvalidInputException("材料 " + key + " 不属于本办件", Map.of("pendingMaterials", key));
            }
            Material material = matters.get(row.matterCode()).materials().stream()
                    .filter(m -> m.code().equals(row.materialCode())).findFirst().orElseThrow();
            if (material.keyMaterial()) {
                throw new InvalidInputException("「" + material.name() + "」是关键材料，不能容缺",
                        Map.of("pendingMaterials", key));
            }
            mapper.setMaterialStatus(caseId, row.matterCode(), row.materialCode(), "PENDING");
        }
    }

    /** The registerSupplement task is offered to the window; the department is that of its branch. */
    private String departmentOfSupplement(TaskContext task) {
        return (String) runtimeService.getVariable(task.executionId(), CaseVariables.DEPARTMENT);
    }

    private void setReviewStatus(long caseId, String department, String status) {
        ReviewRow review = mapper.findReview(caseId, department);
        if (review != null) {
            mapper.updateReview(new ReviewRow(caseId, department, review.leaderRequired(), status, review.decision(),
                    review.startedAt(), review.endedAt()));
        }
    }

    @Override
    public Map<String, Subject> subjects(Collection<String> businessKeys) {
        List<Long> ids = businessKeys.stream().filter(Objects::nonNull).map(Long::valueOf).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mapper.findCases(ids).stream().collect(Collectors.toMap(c -> String.valueOf(c.id),
                (CaseRow c) -> new Subject(c.id, c.caseNumber, c.title)));
    }
}
