package org.tongban.engine.supervision.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The supervision tables. */
@Mapper
public interface SupervisionMapper {

    void insertItem(ItemRow row);

    ItemRow findItem(@Param("id") long id);

    /** The row locked for an update, so two changes of one item (split and 交办) do not interleave. */
    ItemRow lockItem(@Param("id") long id);

    List<ItemRow> findItems(@Param("ids") Collection<Long> ids);

    ItemRow findItemOfCase(@Param("caseId") long caseId, @Param("caseDepartment") String caseDepartment);

    /**
     * Items newest first; with {@code departments}, only those with a sub-item for one of them; with
     * {@code status}, only those in it.
     */
    List<ItemRow> findItemPage(@Param("departments") Collection<String> departments, @Param("status") String status,
                               @Param("limit") int limit, @Param("offset") int offset);

    long countItems(@Param("departments") Collection<String> departments, @Param("status") String status);

    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void setStatus(@Param("id") long id, @Param("status") String status);

    void closeItem(@Param("id") long id, @Param("closedAt") Instant closedAt);

    void insertSubItem(SubItemRow row);

    SubItemRow findSubItem(@Param("id") long id);

    List<SubItemRow> findSubItems(@Param("itemId") long itemId);

    /** Marks the item's NEW sub-items assigned; returns how many. */
    int assignNew(@Param("itemId") long itemId, @Param("assignedAt") Instant assignedAt);

    void setSubItemStatus(@Param("id") long id, @Param("status") String status, @Param("closedAt") Instant closedAt);

    void setLastFeedback(@Param("id") long id, @Param("at") Instant at);

    void setEscalated(@Param("id") long id, @Param("at") Instant at);

    void insertFeedback(FeedbackRow row);

    /** The sub-item's newest report not yet reviewed. */
    FeedbackRow findUnreviewedFeedback(@Param("subItemId") long subItemId);

    void reviewFeedback(@Param("id") long id, @Param("decision") String decision, @Param("opinion") String opinion,
                        @Param("reviewedBy") String reviewedBy, @Param("reviewedAt") Instant reviewedAt);

    List<FeedbackRow> findFeedback(@Param("subItemIds") Collection<Long> subItemIds);

    void insertEvent(EventRow row);

    List<EventRow> findEvents(@Param("itemId") long itemId);
}
