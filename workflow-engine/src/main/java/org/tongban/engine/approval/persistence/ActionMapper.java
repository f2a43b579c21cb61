package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The approval action log, successor links, and the urge limit. */
@Mapper
public interface ActionMapper {

    void insertAction(ActionRow row);

    List<ActionRow> findActions(@Param("processInstanceId") String processInstanceId);

    /** The completion of {@code taskId}, if any. */
    ActionRow findCompletion(@Param("taskId") String taskId);

    long countActionsOn(@Param("taskIds") Collection<String> taskIds);

    long countActionsBy(@Param("processInstanceId") String processInstanceId, @Param("actor") String actor);

    void insertSuccessor(@Param("taskId") String taskId, @Param("successorTaskId") String successorTaskId);

    List<String> findSuccessors(@Param("taskId") String taskId);

    int deleteSuccessors(@Param("taskId") String taskId);

    /** Moves the last urge forward when it is older than {@code notAfter}; 0 rows when too recent or absent. */
    int touchUrge(@Param("taskId") String taskId, @Param("urgedBy") String urgedBy, @Param("now") Instant now,
                  @Param("notAfter") Instant notAfter);

    void insertUrge(@Param("taskId") String taskId, @Param("urgedBy") String urgedBy, @Param("now") Instant now);

    Instant findLastUrge(@Param("taskId") String taskId, @Param("urgedBy") String urgedBy);
}
