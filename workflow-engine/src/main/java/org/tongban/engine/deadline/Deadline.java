package org.tongban.engine.deadline;

import java.time.Duration;
import java.time.Instant;
import org.tongban.engine.calendar.TrafficLight;

/**
 * A clock: a time limit of {@code limitDays} working days, started at {@code startedAt}, due at {@code dueAt}
 * (the end of office hours of the last working day), yellow from {@code yellowAt}. {@code budget} is the working
 * time the limit grants; pauses push {@code dueAt} and {@code yellowAt} back but leave it unchanged.
 */
public record Deadline(long id, DeadlineKind kind, long subjectId, String part, String number, String title,
                       String agencyCode, String departmentCode, String source, String processInstanceId,
                       int limitDays, Instant startedAt, Instant dueAt, Instant yellowAt, Duration budget,
                       DeadlineState state, Instant pausedAt, Integer remainingDays, String warning,
                       Instant yellowRaisedAt, Instant redRaisedAt, Instant closedAt, Boolean onTime) {

    /**
     * 红黄绿灯 at {@code now}: RED from the deadline on, YELLOW from {@link #yellowAt} on or while a warning stands
     * (e.g. a missed feedback), GREEN otherwise. A paused clock keeps the light it had when it paused; a closed one
     * the light it had when it closed.
     */
    public TrafficLight light(Instant now) {
        Instant at = closedAt != null ? closedAt : pausedAt != null ? pausedAt : now;
        if (!at.isBefore(dueAt)) {
            return TrafficLight.RED;
        }
        return !at.isBefore(yellowAt) || warning != null ? TrafficLight.YELLOW : TrafficLight.GREEN;
    }
}
