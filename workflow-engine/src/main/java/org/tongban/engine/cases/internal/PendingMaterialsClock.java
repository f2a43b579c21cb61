package org.tongban.engine.cases.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.MaterialRow;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.matter.PendingMaterialsExpiry;
import org.tongban.engine.platform.EngineClock;

/**
 * 容缺受理: the missing materials are due a number of working days after it — the matter's own
 * ({@link Matter#pendingMaterialsDays()}), else {@code tongban.applicant.pending-materials-days}; with materials of
 * several matters missing, the shortest applies, since the case has one deadline. At the deadline the case is
 * refused when a matter of a still-missing material says so ({@link PendingMaterialsExpiry#REFUSE}), else escalated.
 */
@Component
public class PendingMaterialsClock {

    private final ApplicantMapper applicants;
    private final CaseMapper cases;
    private final MatterCatalog catalog;
    private final WorkCalendarService calendars;
    private final ApplicantSettings settings;
    private final EngineClock clock;

    PendingMaterialsClock(ApplicantMapper applicants, CaseMapper cases, MatterCatalog catalog,
                          WorkCalendarService calendars, ApplicantSettings settings, EngineClock clock) {
        this.applicants = applicants;
        this.cases = cases;
        this.catalog = catalog;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sets the due date of the case's pending materials (marked PENDING before); returns it. */
    public Instant start(long caseId) {
        Map<String, Matter> matters = catalog.mattersByCode();
        int days = pendingMatters(caseId).stream().map(matters::get)
                .mapToInt(m -> m == null || m.pendingMaterialsDays() == null ? settings.pendingMaterialsDays()
                        : m.pendingMaterialsDays())
                .min().orElse(settings.pendingMaterialsDays());
        Instant due = calendars.calendar().addWorkingDays(clock.now(), days);
        applicants.setPendingDue(caseId, due);
        return due;
    }

    /** What happens to the case at the deadline, judged by the matters of the materials still missing. */
    public PendingMaterialsExpiry expiry(long caseId) {
        Map<String, Matter> matters = catalog.mattersByCode();
        return pendingMatters(caseId).stream().map(matters::get)
                .anyMatch(m -> m != null && m.pendingMaterialsExpiry() == PendingMaterialsExpiry.REFUSE)
                ? PendingMaterialsExpiry.REFUSE : PendingMaterialsExpiry.ESCALATE;
    }

    private Set<String> pendingMatters(long caseId) {
        return cases.findMaterials(caseId).stream().filter(m -> "PENDING".equals(m.status()))
                .map(MaterialRow::matterCode).collect(Collectors.toSet());
    }
}
