package org.tongban.engine.messaging.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Must-reach deliveries and their escalations. Changes are compare-and-set, so several nodes never act twice. */
@Mapper
public interface UrgentMapper {

    void insertDelivery(UrgentDeliveryRow row);

    List<UrgentDeliveryRow> findDue(@Param("now") Instant now, @Param("limit") int limit);

    List<UrgentDeliveryRow> findDeliveries(@Param("messageId") long messageId);

    /** Counts one more escalation of a delivery seen as PENDING with {@code seenEscalations}; 1 when this caller won. */
    int escalate(@Param("messageId") long messageId, @Param("username") String username,
                 @Param("seenEscalations") int seenEscalations, @Param("status") String status,
                 @Param("nextCheckAt") Instant nextCheckAt);

    /** Marks the reader's unread deliveries of the conversation's messages up to {@code upTo} read. */
    int markRead(@Param("conversationId") long conversationId, @Param("username") String username,
                 @Param("upTo") long upTo, @Param("at") Instant at);

    void insertEscalation(EscalationRow row);

    List<EscalationRow> findEscalations(@Param("messageId") long messageId);
}
