package org.tongban.engine.approval;

/**
 * Published (as a Spring application event, inside the transaction of the operation) for every recorded approval
 * operation, including completions. This is the seam for the audit trail and for notifications: a listener
 * with {@code @EventListener} writes in the same transaction, one with {@code @TransactionalEventListener} reacts
 * after the commit.
 */
public record ApprovalEvent(TaskContext task, TaskOperation operation) {
}
