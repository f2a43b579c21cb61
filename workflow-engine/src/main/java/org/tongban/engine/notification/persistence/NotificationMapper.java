package org.tongban.engine.notification.persistence;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The notices table. */
@Mapper
public interface NotificationMapper {

    void insert(NotificationRow row);

    /** Notices to the user or to one of the groups, newest first. */
    List<NotificationRow> findFor(@Param("username") String username, @Param("groups") Collection<String> groups,
                                  @Param("limit") int limit, @Param("offset") int offset);
}
