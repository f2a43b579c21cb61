package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 代理/委托 rows. */
@Mapper
public interface ProxyMapper {

    void insertProxy(ProxyRow row);

    ProxyRow findProxy(@Param("id") long id);

    /** Proxies that are not cancelled and have not ended before {@code today}, of or for {@code username}. */
    List<ProxyRow> findCurrent(@Param("username") String username, @Param("today") LocalDate today);

    /** Proxies in force on {@code day}. */
    List<ProxyRow> findActive(@Param("day") LocalDate day);

    int cancel(@Param("id") long id, @Param("cancelledAt") Instant cancelledAt);
}
