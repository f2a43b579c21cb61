package org.tongban.engine.outbox.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.tongban.engine.outbox.OutboxStatus;

/** The outbox table. Claims are compare-and-set updates, so several workers (nodes) never send one message at once. */
@Mapper
public interface OutboxMapper {

    void insert(OutboxRow row);

    /** Messages due now: pending and due, or claimed by a worker whose lease ran out. */
    List<OutboxRow> findDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Claims a message seen as {@code seenStatus} with {@code seenAttempts}; 1 when this worker got it. */
    int claim(@Param("id") long id, @Param("seenStatus") OutboxStatus seenStatus, @Param("seenAttempts") int seenAttempts,
              @Param("lockedUntil") Instant lockedUntil);

    void markSent(@Param("id") long id, @Param("sentAt") Instant sentAt);

    void markFailed(@Param("id") long id, @Param("status") OutboxStatus status, @Param("nextAttemptAt") Instant nextAttemptAt,
                    @Param("lastError") String lastError);

    OutboxRow findByKey(@Param("key") String key);

    long countByStatus(@Param("status") OutboxStatus status);
}
