package org.tongban.engine.cases.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Settings of the applicant side ({@code tongban.applicant.*}). */
@Component
public class ApplicantSettings {

    private final int pendingMaterialsDays;
    private final boolean dataSharing;
    private final int poorScore;

    ApplicantSettings(@Value("${tongban.applicant.pending-materials-days:5}") int pendingMaterialsDays,
                      @Value("${tongban.data-sharing.enabled:false}") boolean dataSharing,
                      @Value("${tongban.applicant.poor-score:2}") int poorScore) {
        this.pendingMaterialsDays = pendingMaterialsDays;
        this.dataSharing = dataSharing;
        this.poorScore = poorScore;
    }

    /** 容缺: working days from acceptance by which the missing materials must be supplied, unless the matter sets its own. */
    public int pendingMaterialsDays() {
        return pendingMaterialsDays;
    }

    /** Whether case status changes are reported to the provincial platform (outbox channel {@code data-sharing}). */
    public boolean dataSharing() {
        return dataSharing;
    }

    /** A rating at or below this score is 差评 and opens a rectification. */
    public int poorScore() {
        return poorScore;
    }
}
