package org.tongban.engine.approval.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.SignMode;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.approval.persistence.TodoRow;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;

/** Builds {@link TaskView}s from todo rows, with names looked up once per list. */
@Component
public class TaskViews {

    private final DirectoryService directory;
    private final StepModels steps;
    private final Handlers handlers;
    private final DeadlineService deadlines;

    TaskViews(DirectoryService directory, StepModels steps, Handlers handlers, DeadlineService deadlines) {
        this.directory = directory;
        this.steps = steps;
        this.handlers = handlers;
        this.deadlines = deadlines;
    }

    /** Views of the rows; {@code onBehalfOf} maps task id → the person the viewer stands in for. */
    public List<TaskView> of(List<TodoRow> rows, Map<String, String> onBehalfOf) {
        Set<String> people = new HashSet<>();
        rows.forEach(r -> Stream.of(r.assignee(), r.owner(), onBehalfOf.get(r.taskId())).filter(Objects::nonNull)
                .forEach(people::add));
        Map<String, String> names = directory.displayNames(people);
        Map<String, Department> departments = directory.departmentsByCode();
        Map<String, TrafficLight> lights = deadlines.lightsOfTasks(rows.stream().map(TodoRow::taskId).toList());
        return rows.stream().map(r -> {
            Department department = r.departmentCode() == null ? null : departments.get(r.departmentCode());
            SignMode mode = steps.signStep(r.processDefinitionId(), r.activityId())
                    .map(StepModels.SignStep::mode).orElse(null);
            String proxied = onBehalfOf.get(r.taskId());
            return new TaskView(r.taskId(), r.name(), r.activityId(), r.processKey(), subject(r),
                    r.departmentCode(), department == null ? null : department.name(), r.assignee(),
                    name(names, r.assignee()), r.createdAt(), r.dueAt(), decisions(r.processKey(), mode, r.activityId()),
                    r.processInstanceId(), r.owner(), name(names, r.owner()), r.delegated(), mode, proxied,
                    name(names, proxied), lights.get(r.taskId()));
        }).toList();
    }

    /** The decisions a task accepts: AGREE/DISAGREE on a sign step, else what the process's handler says. */
    public List<String> decisions(String processKey, SignMode signMode, String activityId) {
        return signMode != null ? List.of(SignMode.AGREE, SignMode.DISAGREE) : handlers.of(processKey).decisions(activityId);
    }

    private static Subject subject(TodoRow r) {
        return r.title() == null ? null
                : new Subject(r.subjectId() == null ? 0 : r.subjectId(), r.subjectNumber(), r.title());
    }

    private static String name(Map<String, String> names, String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }
}
