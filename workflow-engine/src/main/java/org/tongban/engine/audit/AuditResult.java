package org.tongban.engine.audit;

/** How an audited action ended. */
public enum AuditResult {
    /** The action was carried out. */
    SUCCESS,
    /** The action was attempted and failed (bad input, conflict, wrong password). */
    FAILURE,
    /** The actor was not allowed to perform the action. */
    DENIED
}
