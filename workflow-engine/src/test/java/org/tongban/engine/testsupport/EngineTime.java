package org.tongban.engine.testsupport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves the engine's clock (Camunda's ClockUtil, which the platform's EngineClock follows) and runs the jobs that
 * are due, as the job executor would (it is off in tests). Call {@link #reset()} after each test: the clock is
 * shared by the whole JVM.
 */
public final class EngineTime {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ManagementService managementService;

    public EngineTime(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** China Standard Time, e.g. {@code "2026-09-30T09:00"}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** Sets the engine's clock to {@code localDateTime} (China Standard Time). */
    public Instant set(String localDateTime) {
        Instant instant = at(localDateTime);
        ClockUtil.setCurrentTime(Date.from(instant));
        return instant;
    }

    /** Executes the process instance's jobs that are due now; returns how many ran. */
    public int runDueJobs(String processInstanceId) {
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }

    /** The due dates of the process instance's timers, soonest first. */
    public List<Instant> timers(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().orderByJobDuedate()
                .asc().list().stream().map(j -> j.getDuedate().toInstant()).toList();
    }

    /** Back to the system time. */
    public void reset() {
        ClockUtil.reset();
    }
}
