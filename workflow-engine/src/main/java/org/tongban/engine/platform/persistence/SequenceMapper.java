package org.tongban.engine.platform.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Named counters in {@code tb_sequence}. */
@Mapper
public interface SequenceMapper {

    /** Increments the counter, taking its row lock until the transaction ends; 0 when it does not exist. */
    int increment(@Param("name") String name);

    Long current(@Param("name") String name);

    /** Creates a counter whose next value is 2 (1 is handed out by the insert itself). */
    void create(@Param("name") String name);

    /** Creates a counter whose next value is 1 (nothing handed out). */
    void createUnused(@Param("name") String name);
}
