package org.tongban.engine.cases.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.platform.EngineClock;

/** 容缺受理: the missing materials are due {@code tongban.applicant.pending-materials-days} working days after it. */
@Component
public class PendingMaterialsClock {

    private final ApplicantMapper applicants;
    private final WorkCalendarService calendars;
    private final ApplicantSettings settings;
    private final EngineClock clock;

    PendingMaterialsClock(ApplicantMapper applicants, WorkCalendarService calendars, ApplicantSettings settings,
                          EngineClock clock) {
        this.applicants = applicants;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sets the due date of the case's pending materials; returns it. */
    public Instant start(long caseId) {
        Instant due = calendars.calendar().addWorkingDays(clock.now(), settings.pendingMaterialsDays());
        applicants.setPendingDue(caseId, due);
        return due;
    }
}
