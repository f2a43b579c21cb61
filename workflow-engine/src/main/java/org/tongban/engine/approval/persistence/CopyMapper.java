package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 抄送 rows. */
@Mapper
public interface CopyMapper {

    boolean exists(@Param("processInstanceId") String processInstanceId, @Param("recipient") String recipient);

    void insertCopy(CopyRow row);

    CopyRow findCopy(@Param("id") long id);

    int markRead(@Param("id") long id, @Param("recipient") String recipient, @Param("readAt") Instant readAt);

    List<CopyRow> copiedPage(@Param("f") ListFilter filter);

    long copiedCount(@Param("f") ListFilter filter);
}
