package org.tongban.engine.notification.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The notification centre's table. */
@Mapper
public interface NotificationMapper {

    /** Inserts the rows (at least one) in one statement and sets their ids. */
    void insertAll(@Param("rows") List<NotificationRow> rows);

    List<NotificationRow> findPage(@Param("username") String username, @Param("unreadOnly") boolean unreadOnly,
                                   @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("username") String username, @Param("unreadOnly") boolean unreadOnly);

    List<NotificationRow> findUndelivered(@Param("username") String username, @Param("limit") int limit);

    int markDelivered(@Param("ids") Collection<Long> ids, @Param("at") Instant at);

    int markRead(@Param("username") String username, @Param("id") long id, @Param("at") Instant at);

    int markAllRead(@Param("username") String username, @Param("at") Instant at);

    NotificationRow find(@Param("id") long id);
}
