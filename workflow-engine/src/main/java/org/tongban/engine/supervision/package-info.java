/**
 * 督查督办: supervision items opened from a leader's instruction, a meeting decision or an overdue case, split into
 * sub-items for responsible units with their own deadlines, assigned, reported on periodically, reviewed, requested
 * for closing and closed (销号) — the {@code supervision} process — and the supervisor's dashboard across agencies
 * with traffic lights, on-time rates and handling times ({@link org.tongban.engine.supervision.SupervisionDashboard}).
 *
 * <p>Who sees what: supervisors ({@code Role.SUPERVISOR}) and the supervising department see every item; a unit sees
 * the items it has a sub-item in, with only its own sub-items; anything else does not exist for it.
 */
package org.tongban.engine.supervision;
