package org.tongban.engine.supervision.internal;

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
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskContext;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.supervision.SubItemStatus;
import org.tongban.engine.supervision.SupervisionItemStatus;
import org.tongban.engine.supervision.persistence.FeedbackRow;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/** The decisions of the supervision process's tasks and what each writes on the item. */
@Component
class SupervisionTaskHandler implements TaskHandler {

    static final String PROGRESS = "PROGRESS";
    static final String REQUEST_CLOSE = "REQUEST_CLOSE";
    static final String ACCEPT = "ACCEPT";
    static final String RETURN = "RETURN";
    static final String APPROVE = "APPROVE";

    private static final Map<String, List<String>> DECISIONS = Map.of(
            "report", List.of(PROGRESS, REQUEST_CLOSE),
            "reviewFeedback", List.of(ACCEPT, RETURN),
            "approveClosure", List.of(APPROVE, RETURN));

    private final SupervisionMapper mapper;
    private final SupervisionLog log;
    private final DeadlineService deadlines;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    SupervisionTaskHandler(SupervisionMapper mapper, SupervisionLog log, DeadlineService deadlines,
                           RuntimeService runtimeService, EngineClock clock) {
        this.mapper = mapper;
        this.log = log;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return ProcessKeys.SUPERVISION;
    }

    @Override
    public List<String> decisions(String activityId) {
        return DECISIONS.getOrDefault(activityId, List.of());
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Actor actor, CompletionForm form) {
        long itemId = Long.parseLong(task.businessKey());
        Map<String, Object> variables = new HashMap<>();
        switch (task.activityId()) {
            case "split" -> split(itemId, actor, form);
            case "report" -> {
                requireOpinion(form, "请填写办理情况");
                if (form.opinion().length() > 2000) {
                    throw new InvalidInputException("办理情况至多 2000 字", Map.of("opinion", "至多 2000 字"));
                }
                long subItemId = subItem(task);
                mapper.insertFeedback(new FeedbackRow(null, subItemId, task.taskId(), form.decision(), form.opinion(),
                        actor.username(), actor.displayName(), clock.now(), null, null, null, null));
                mapper.setLastFeedback(subItemId, clock.now());
                deadlines.find(DeadlineKind.SUPERVISION_TASK, subItemId, null)
                        .ifPresent(d -> deadlines.clearWarning(d.id()));
                log.event(itemId, subItemId, REQUEST_CLOSE.equals(form.decision()) ? "CLOSE_REQUESTED" : "REPORTED",
                        actor.username(), actor.displayName(), form.opinion());
                variables.put(SupervisionVariables.REPORT_KIND, form.decision());
            }
            case "reviewFeedback" -> {
                if (RETURN.equals(form.decision())) {
                    requireOpinion(form, "退回必须写明理由");
                }
                long subItemId = subItem(task);
                FeedbackRow feedback = mapper.findUnreviewedFeedback(subItemId);
                if (feedback == null) {
                    throw new ConflictException("没有待审核的反馈");
                }
                mapper.reviewFeedback(feedback.id(), form.decision(), form.opinion(), actor.username(), clock.now());
                log.event(itemId, subItemId, ACCEPT.equals(form.decision()) ? "FEEDBACK_ACCEPTED" : "FEEDBACK_RETURNED",
                        actor.username(), actor.displayName(), form.opinion());
                variables.put(SupervisionVariables.DECISION, form.decision());
            }
            case "approveClosure" -> {
                if (RETURN.equals(form.decision())) {
                    requireOpinion(form, "不同意销号必须写明理由");
                    mapper.setStatus(itemId, SupervisionItemStatus.SPLITTING.name());
                }
                log.event(itemId, null, APPROVE.equals(form.decision()) ? "CLOSURE_APPROVED" : "CLOSURE_RETURNED",
                        actor.username(), actor.displayName(), form.opinion());
                variables.put(SupervisionVariables.CLOSURE_DECISION, form.decision());
            }
            default -> {
                // a task this handler does not know: the completion passes through
            }
        }
        return variables;
    }

    /** 交办 needs at least one sub-item not yet assigned; the item is locked against a racing 分解. */
    private void split(long itemId, Actor actor, CompletionForm form) {
        ItemRow item = mapper.lockItem(itemId);
        long fresh = mapper.findSubItems(itemId).stream().filter(s -> SubItemStatus.NEW.name().equals(s.status)).count();
        if (fresh == 0 || !SupervisionItemStatus.SPLITTING.name().equals(item.status)) {
            throw new InvalidInputException("请先为事项添加至少一个子项再交办", Map.of("subItems", "没有待交办的子项"));
        }
        log.event(itemId, null, "SPLIT_DONE", actor.username(), actor.displayName(), form.opinion());
    }

    private long subItem(TaskContext task) {
        Object id = runtimeService.getVariable(task.executionId(), SupervisionVariables.SUB_ITEM_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Task " + task.taskId() + " is not inside a sub-item");
        }
        return number.longValue();
    }

    private static void requireOpinion(CompletionForm form, String message) {
        if (!form.hasOpinion()) {
            throw new InvalidInputException(message, Map.of("opinion", "必填"));
        }
    }

    @Override
    public Map<String, Subject> subjects(Collection<String> businessKeys) {
        List<Long> ids = businessKeys.stream().filter(Objects::nonNull).map(Long::valueOf).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mapper.findItems(ids).stream().collect(Collectors.toMap(i -> String.valueOf(i.id),
                (ItemRow i) -> new Subject(i.id, i.itemNumber, i.title)));
    }
}
