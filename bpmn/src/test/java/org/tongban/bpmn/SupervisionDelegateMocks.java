package org.tongban.bpmn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the delegate beans of {@code supervision}, registered under the bean names the model uses. They
 * keep the sub-items in memory (id → unit) and remember what the timers and listeners saw.
 */
final class SupervisionDelegateMocks {

    /** Every sub-item the supervisor created, id → unit (department code). */
    private final Map<Long, String> units = new LinkedHashMap<>();
    /** Sub-items created but not yet assigned. */
    private final List<Long> unassigned = new ArrayList<>();
    private Duration yellowAfter = Duration.ofDays(6);
    private Duration dueAfter = Duration.ofDays(9);
    private long nextId = 100;
    private long deadlines;

    final List<String> finishedSubItems = new ArrayList<>();
    /** "ITEM" or the unit, for each yellow timer that fired. */
    final List<String> warned = new ArrayList<>();
    /** "ITEM" or the unit, for each red timer that fired. */
    final List<String> escalated = new ArrayList<>();
    /** The unit, each time a feedback cycle passed without a report. */
    final List<String> remindedUnits = new ArrayList<>();
    final List<Long> closedItems = new ArrayList<>();

    /** The supervisor adds sub-items for these units (分解). */
    SupervisionDelegateMocks subItemsFor(String... departments) {
        for (String department : departments) {
            units.put(nextId, department);
            unassigned.add(nextId++);
        }
        return this;
    }

    /** Each sub-item turns yellow {@code yellow} and red {@code due} after it is assigned. */
    SupervisionDelegateMocks subItemLimits(Duration yellow, Duration due) {
        this.yellowAfter = yellow;
        this.dueAfter = due;
        return this;
    }

    SupervisionDelegateMocks register() {
        Mocks.register("assignSubItemsDelegate", (JavaDelegate) this::assign);
        Mocks.register("subItemListener", (ExecutionListener) this::onSubItem);
        Mocks.register("supervisionDueSoonDelegate", (JavaDelegate) execution -> warned.add(scope(execution)));
        Mocks.register("supervisionOverdueDelegate", (JavaDelegate) execution -> escalated.add(scope(execution)));
        Mocks.register("feedbackMissedDelegate", (JavaDelegate) execution -> remindedUnits.add(scope(execution)));
        Mocks.register("closeSupervisionItemDelegate", (JavaDelegate) execution ->
                closedItems.add((Long) execution.getVariable("itemId")));
        return this;
    }

    /** Sets subItems to the sub-items not yet assigned (a Java list of Long, stored as JSON). */
    private void assign(DelegateExecution execution) {
        if (unassigned.isEmpty()) {
            throw new IllegalStateException("nothing to assign");
        }
        execution.setVariable("subItems", new ArrayList<>(unassigned));
        unassigned.clear();
    }

    private void onSubItem(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("subItemId")).longValue();
        if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            execution.setVariableLocal("unit", units.get(id));
            execution.setVariableLocal("unitRole", "handler");
            execution.setVariableLocal("reportKind", null);
            execution.setVariableLocal("decision", null);
            execution.setVariableLocal("deadlineId", ++deadlines);
            execution.setVariableLocal("yellowAt", Date.from(now.plus(yellowAfter)));
            execution.setVariableLocal("dueAt", Date.from(now.plus(dueAfter)));
        } else {
            finishedSubItems.add(units.get(id));
        }
    }

    /** The unit of the sub-item the execution belongs to, or ITEM at the process level. */
    private static String scope(DelegateExecution execution) {
        Object unit = execution.getVariable("unit");
        return unit == null ? "ITEM" : (String) unit;
    }
}
