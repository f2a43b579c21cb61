package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The workbench read model: open tasks, who sees them, and the subjects of process instances. */
@Mapper
public interface WorkItemMapper {

    void insertItem(WorkItemRow row);

    int updateItem(WorkItemRow row);

    int deleteItem(@Param("taskId") String taskId);

    WorkItemRow findItem(@Param("taskId") String taskId);

    /** Locks the task's row until the transaction ends; null when the task is not (or no longer) open. */
    String lockItem(@Param("taskId") String taskId);

    List<String> findItemIds(@Param("taskIds") Collection<String> taskIds);

    void insertAccess(AccessRow row);

    void deleteAccess(@Param("taskId") String taskId);

    void deleteAccessExceptProxy(@Param("taskId") String taskId);

    /**
     * Keeps the stand-ins' rows of a task in step with its item: the due date, and whether they show (the task is
     * unassigned, or held by the absent person or by the stand-in, {@code assigneeAsStandIn} = 'p:' + assignee).
     */
    int updateProxyAccess(@Param("taskId") String taskId, @Param("dueAt") Instant dueAt,
                          @Param("assignee") String assignee, @Param("assigneeAsStandIn") String assigneeAsStandIn);

    int deleteProxyAccess(@Param("standIn") String standInPrincipal, @Param("onBehalfOf") String onBehalfOf);

    /** The person the stand-in may act for on this task, if a proxy grant is valid today. */
    String findProxyPrincipal(@Param("taskId") String taskId, @Param("principal") String principal,
                              @Param("today") LocalDate today);

    void insertSubject(SubjectRow row);

    int endSubject(@Param("processInstanceId") String processInstanceId, @Param("endedAt") Instant endedAt);

    SubjectRow findSubject(@Param("processInstanceId") String processInstanceId);

    void insertSubjectMatter(@Param("processInstanceId") String processInstanceId,
                             @Param("matterCode") String matterCode);

    List<ItemKey> todoPage(@Param("f") ListFilter filter);

    long todoCount(@Param("f") ListFilter filter);

    List<TodoRow> findTodoRows(@Param("taskIds") Collection<String> taskIds);

    List<AccessRow> findProxyAccess(@Param("taskIds") Collection<String> taskIds, @Param("principal") String principal);

    List<ActionRow> donePage(@Param("f") ListFilter filter);

    long doneCount(@Param("f") ListFilter filter);

    List<SubjectRow> startedPage(@Param("f") ListFilter filter);

    long startedCount(@Param("f") ListFilter filter);
}
