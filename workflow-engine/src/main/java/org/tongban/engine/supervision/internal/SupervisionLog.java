package org.tongban.engine.supervision.internal;

import org.springframework.stereotype.Component;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.persistence.EventRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/** Writes an item's log. */
@Component
public class SupervisionLog {

    /** The actor of entries the platform writes by itself (timers, overdue cases). */
    public static final String SYSTEM = "system";
    public static final String SYSTEM_NAME = "系统";

    private final SupervisionMapper mapper;
    private final EngineClock clock;

    SupervisionLog(SupervisionMapper mapper, EngineClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void event(long itemId, Long subItemId, String kind, String actor, String actorName, String note) {
        mapper.insertEvent(new EventRow(itemId, subItemId, kind, actor, actorName, note, clock.now()));
    }

    public void system(long itemId, Long subItemId, String kind, String note) {
        event(itemId, subItemId, kind, SYSTEM, SYSTEM_NAME, note);
    }
}
