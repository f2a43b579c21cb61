/**
 * Approval operations over any process's user tasks: the todo list, claim and complete with a decision and an
 * opinion. Generic: what a decision means for the business is said by the {@link org.tongban.engine.approval.TaskHandler}
 * of the task's process, which the owning feature (cases, documents …) implements.
 */
package org.tongban.engine.approval;
