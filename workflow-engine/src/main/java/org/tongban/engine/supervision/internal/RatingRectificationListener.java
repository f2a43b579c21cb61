package org.tongban.engine.supervision.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.ApplicantService;
import org.tongban.engine.cases.CaseRatedPoorly;
import org.tongban.engine.supervision.SupervisionService;

/**
 * A poor rating opens a 差评整改 item in the rating's transaction (so a rating is never stored without its
 * rectification), and the rating is linked to it.
 */
@Component
class RatingRectificationListener {

    private final SupervisionService supervision;
    private final ApplicantService applicants;

    RatingRectificationListener(SupervisionService supervision, ApplicantService applicants) {
        this.supervision = supervision;
        this.applicants = applicants;
    }

    @EventListener
    public void onPoorRating(CaseRatedPoorly rating) {
        applicants.linkRectification(rating.caseId(), supervision.openRectification(rating));
    }
}
