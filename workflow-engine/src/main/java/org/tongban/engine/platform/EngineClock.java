package org.tongban.engine.platform;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Business time: the clock the process engine runs its timers by (Camunda's {@code ClockUtil}), so that a
 * deadline the platform computes and the timer the engine schedules for it agree. In production it is the system
 * time; tests move it with {@code ClockUtil.setCurrentTime} and execute the due jobs themselves. Security (tokens,
 * sessions, lockouts) keeps the wall clock, {@link java.time.Clock}.
 */
@Component
public class EngineClock {

    /** The engine's current time. */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
