package org.tongban.engine.supervision.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.SubItemStatus;
import org.tongban.engine.supervision.SupervisionItemStatus;
import org.tongban.engine.supervision.SupervisionItemSummary;
import org.tongban.engine.supervision.SupervisionItemView;
import org.tongban.engine.supervision.SupervisionSource;
import org.tongban.engine.supervision.persistence.FeedbackRow;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SubItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/** Builds the views of items; {@code units} null shows every sub-item, otherwise only those of the given units. */
@Component
public class ItemViews {

    private final SupervisionMapper mapper;
    private final DeadlineService deadlines;
    private final DirectoryService directory;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    ItemViews(SupervisionMapper mapper, DeadlineService deadlines, DirectoryService directory, TaskService taskService,
              RuntimeService runtimeService, EngineClock clock) {
        this.mapper = mapper;
        this.deadlines = deadlines;
        this.directory = directory;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public SupervisionItemView view(ItemRow row, Collection<String> units) {
        Instant now = clock.now();
        Map<String, Department> departments = directory.departmentsByCode();
        List<SubItemRow> subItems = visible(mapper.findSubItems(row.id), units);
        Set<Long> ids = subItems.stream().map(s -> s.id).collect(Collectors.toSet());
        Map<Long, List<FeedbackRow>> feedback = ids.isEmpty() ? Map.of()
                : mapper.findFeedback(ids).stream().collect(Collectors.groupingBy(FeedbackRow::subItemId));
        List<SupervisionItemView.SubItem> shown = subItems.stream().map(s -> {
            Deadline subClock = deadlines.find(DeadlineKind.SUPERVISION_TASK, s.id, null).orElse(null);
            Department unit = departments.get(s.unitDepartment);
            return new SupervisionItemView.SubItem(s.id, s.unitDepartment, unit == null ? s.unitDepartment : unit.name(),
                    s.agencyCode, s.requirement, SubItemStatus.valueOf(s.status),
                    subClock == null ? s.dueAt : subClock.dueAt(), light(subClock, s.dueAt, now),
                    subClock == null ? null : subClock.warning(),
                    s.assignedAt, s.lastFeedbackAt, s.escalatedAt, s.closedAt,
                    feedback.getOrDefault(s.id, List.of()).stream().map(f -> new SupervisionItemView.Feedback(
                            f.reportKind(), f.content(), f.reportedBy(), f.reportedByName(), f.reportedAt(),
                            f.reviewDecision(), f.reviewOpinion(), f.reviewedBy(), f.reviewedAt())).toList());
        }).toList();
        Deadline itemClock = deadlines.find(DeadlineKind.SUPERVISION_ITEM, row.id, null).orElse(null);
        List<SupervisionItemView.OpenStep> steps = openSteps(row, units == null ? null : ids);
        List<SupervisionItemView.LogEntry> log = mapper.findEvents(row.id).stream()
                .filter(e -> units == null || e.subItemId() == null || ids.contains(e.subItemId()))
                .map(e -> new SupervisionItemView.LogEntry(e.subItemId(), e.kind(), e.actor(), e.actorName(), e.note(),
                        e.occurredAt()))
                .toList();
        return new SupervisionItemView(row.id, row.itemNumber, row.title, SupervisionSource.valueOf(row.source),
                row.sourceRef, row.description, row.supervisorDepartment, row.caseId, row.caseDepartment,
                SupervisionItemStatus.valueOf(row.status), row.createdBy, row.createdAt, row.dueAt,
                light(itemClock, row.dueAt, now), row.closedAt, shown, steps, log);
    }

    public List<SupervisionItemSummary> summaries(List<ItemRow> rows, Collection<String> units) {
        Instant now = clock.now();
        return rows.stream().map(row -> {
            List<SubItemRow> subItems = visible(mapper.findSubItems(row.id), units);
            Deadline itemClock = deadlines.find(DeadlineKind.SUPERVISION_ITEM, row.id, null).orElse(null);
            int open = (int) subItems.stream().filter(s -> !SubItemStatus.DONE.name().equals(s.status)
                    && !SubItemStatus.CANCELLED.name().equals(s.status)).count();
            return new SupervisionItemSummary(row.id, row.itemNumber, row.title, SupervisionSource.valueOf(row.source),
                    SupervisionItemStatus.valueOf(row.status), row.dueAt, light(itemClock, row.dueAt, now),
                    subItems.size(), open);
        }).toList();
    }

    private static List<SubItemRow> visible(List<SubItemRow> subItems, Collection<String> units) {
        return units == null ? subItems : subItems.stream().filter(s -> units.contains(s.unitDepartment)).toList();
    }

    /** A sub-item not yet assigned has no clock: it shows the light of its chosen deadline, GREEN or RED. */
    private static TrafficLight light(Deadline clock, Instant dueAt, Instant now) {
        if (clock != null) {
            return clock.light(now);
        }
        return now.isBefore(dueAt) ? TrafficLight.GREEN : TrafficLight.RED;
    }

    private List<SupervisionItemView.OpenStep> openSteps(ItemRow row, Set<Long> subItemIds) {
        if (row.processInstanceId == null) {
            return List.of();
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(row.processInstanceId)
                .orderByTaskCreateTime().asc().list();
        Map<String, Object> subItemOf = tasks.stream().collect(Collectors.toMap(Task::getId,
                t -> {
                    Object id = runtimeService.getVariable(t.getExecutionId(), SupervisionVariables.SUB_ITEM_ID);
                    return id == null ? "" : id;
                }, (a, b) -> a));
        return tasks.stream()
                .map(t -> new SupervisionItemView.OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                        department(t), subItemOf.get(t.getId()) instanceof Number n ? n.longValue() : null,
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .filter(s -> subItemIds == null || (s.subItemId() != null && subItemIds.contains(s.subItemId())))
                .toList();
    }

    private String department(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId().split(":")[0]).findFirst().orElse(null);
    }
}
