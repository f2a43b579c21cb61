/**
 * 办件: applications handled through {@code one-window-approval} — created at the single window, dispatched to
 * departments, reviewed in parallel, consolidated, delivered and closed. The case row, per-department results and
 * the timeline are written in the same transaction as the engine command that changes them.
 */
package org.tongban.engine.cases;
