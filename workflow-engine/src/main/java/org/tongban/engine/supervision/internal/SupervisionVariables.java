package org.tongban.engine.supervision.internal;

/** Names of the process variables of {@code supervision} (the model's contract). */
public final class SupervisionVariables {

    public static final String ITEM_ID = "itemId";
    public static final String SUPERVISOR_DEPARTMENT = "supervisorDepartment";
    public static final String FEEDBACK_CYCLE = "feedbackCycle";
    public static final String PRESPLIT = "presplit";
    public static final String SUB_ITEMS = "subItems";
    public static final String SUB_ITEM_ID = "subItemId";
    public static final String UNIT = "unit";
    /** The role in the unit that reports on a sub-item: handler, or leader for a 差评整改. */
    public static final String UNIT_ROLE = "unitRole";
    public static final String REPORT_KIND = "reportKind";
    public static final String DECISION = "decision";
    public static final String CLOSURE_DECISION = "closureDecision";

    private SupervisionVariables() {
    }
}
