package org.tongban.engine.cases.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.StepRow;

/**
 * Traces a poor rating to the step responsible for it, from the case's finished tasks: a step finished after its
 * due date comes first (the latest one); otherwise the step that took the most working time. The department is the
 * one the step was done for (the window for intake and delivery).
 */
@Component
public class RatingTracer {

    /** The traced step: activity id and name, department, and why. */
    public record Trace(String activityId, String activityName, String departmentCode, String reason) {
    }

    private final HistoryService history;
    private final CaseMapper cases;
    private final WorkCalendarService calendars;

    RatingTracer(HistoryService history, CaseMapper cases, WorkCalendarService calendars) {
        this.history = history;
        this.cases = cases;
        this.calendars = calendars;
    }

    public Trace trace(long caseId) {
        CaseRow row = cases.findCase(caseId);
        Map<String, String> departments = cases.findSteps(caseId).stream()
                .filter(s -> s.taskId() != null && s.departmentCode() != null)
                .collect(Collectors.toMap(StepRow::taskId, StepRow::departmentCode, (a, b) -> a));
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceId(row.processInstanceId).finished().list().stream()
                .filter(t -> t.getStartTime() != null && t.getEndTime() != null)
                .toList();
        if (tasks.isEmpty()) {
            return new Trace("intake", "一窗受理", row.windowDepartment, "没有可追溯的办理环节，由受理窗口整改");
        }
        WorkCalendar calendar = calendars.calendar();
        HistoricTaskInstance late = tasks.stream()
                .filter(t -> t.getDueDate() != null && t.getEndTime().after(t.getDueDate()))
                .max(Comparator.comparing(t -> t.getEndTime().getTime() - t.getDueDate().getTime()))
                .orElse(null);
        HistoricTaskInstance chosen = late != null ? late : tasks.stream()
                .max(Comparator.comparing((HistoricTaskInstance t) -> working(calendar, t))
                        .thenComparing(HistoricTaskInstance::getEndTime))
                .orElseThrow();
        String department = Objects.requireNonNullElse(departments.get(chosen.getId()), row.windowDepartment);
        long hours = working(calendar, chosen).toHours();
        String reason = late != null ? "「" + chosen.getName() + "」超过办理期限才完成"
                : "「" + chosen.getName() + "」用时最长（约 " + Math.max(hours, 0) + " 个工作小时）";
        return new Trace(chosen.getTaskDefinitionKey(), chosen.getName(), department, reason);
    }

    private static Duration working(WorkCalendar calendar, HistoricTaskInstance task) {
        return calendar.workingTime(task.getStartTime().toInstant(), task.getEndTime().toInstant());
    }
}
