package org.tongban.engine.supervision.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code tongban.supervision.*}: the supervising department (督查室) of items the platform opens itself, how often
 * units report (the feedback timer's ISO 8601 cycle, default {@code R/P7D}), and how many working days an overdue
 * case's department gets under supervision (default 3).
 */
@Component
public class SupervisionSettings {

    private final String department;
    private final String feedbackCycle;
    private final int overdueCaseDays;
    private final int rectificationDays;

    SupervisionSettings(@Value("${tongban.supervision.department:GOV_SUPERVISION}") String department,
                        @Value("${tongban.supervision.feedback-cycle:R/P7D}") String feedbackCycle,
                        @Value("${tongban.supervision.overdue-case-days:3}") int overdueCaseDays,
                        @Value("${tongban.supervision.rectification-days:5}") int rectificationDays) {
        this.rectificationDays = Math.max(1, rectificationDays);
        if (!feedbackCycle.matches("R\\d*/P[0-9A-Z]+")) {
            throw new IllegalStateException("tongban.supervision.feedback-cycle must be a repeating interval such as R/P7D: "
                    + feedbackCycle);
        }
        if (overdueCaseDays < 1) {
            throw new IllegalStateException("tongban.supervision.overdue-case-days must be at least 1: " + overdueCaseDays);
        }
        this.department = department;
        this.feedbackCycle = feedbackCycle;
        this.overdueCaseDays = overdueCaseDays;
    }

    public String department() {
        return department;
    }

    public String feedbackCycle() {
        return feedbackCycle;
    }

    public int overdueCaseDays() {
        return overdueCaseDays;
    }

    /** Working days a department gets for a 差评整改 (default 5). */
    public int rectificationDays() {
        return rectificationDays;
    }
}
