package org.tongban.engine.supervision.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.CaseReviewOverdue;
import org.tongban.engine.supervision.SupervisionService;

/**
 * An overdue department review opens a supervision item, in the transaction of the timer that found it overdue:
 * if opening fails, the timer's job fails and is retried, and the case is not left without supervision.
 */
@Component
class OverdueCaseListener {

    private final SupervisionService supervision;

    OverdueCaseListener(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @EventListener
    public void onOverdue(CaseReviewOverdue overdue) {
        supervision.openForOverdueCase(overdue);
    }
}
