package org.tongban.engine.audit.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.tongban.engine.audit.AuditQuery;
import org.tongban.engine.audit.AuditRecord;

/** The audit chain in {@code tb_audit_record} and its head in {@code tb_audit_head}. */
@Mapper
public interface AuditMapper {

    /** The head, locked until the transaction ends: whoever holds it may append or purge. */
    AuditHead lockHead();

    /** The head as last committed, without locking. */
    AuditHead findHead();

    void insert(AuditRecord record);

    void advanceHead(@Param("lastId") long lastId, @Param("lastHash") String lastHash);

    void moveAnchor(@Param("anchorId") long anchorId, @Param("anchorHash") String anchorHash);

    /** Up to {@code limit} records with {@code afterId < id <= throughId}, in id order. */
    List<AuditRecord> findSlice(@Param("afterId") long afterId, @Param("throughId") long throughId,
                                @Param("limit") int limit);

    /** The newest id recorded before {@code cutoff}, or null. */
    Long lastIdBefore(@Param("cutoff") Instant cutoff);

    /** Deletes the records with {@code afterId < id <= throughId}. */
    int deleteSlice(@Param("afterId") long afterId, @Param("throughId") long throughId);

    List<AuditRecord> find(@Param("q") AuditQuery query);

    long count(@Param("q") AuditQuery query);
}
