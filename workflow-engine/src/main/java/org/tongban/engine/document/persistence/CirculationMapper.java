package org.tongban.engine.document.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Circulations (传阅) and their read receipts. */
@Mapper
public interface CirculationMapper {

    void insertCirculation(CirculationRow row);

    CirculationRow findCirculation(@Param("id") long id);

    List<CirculationRow> findCirculations(@Param("ids") Collection<Long> ids);

    List<CirculationRow> findCirculationsOf(@Param("documentId") long documentId);

    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void insertReader(ReaderRow row);

    List<ReaderRow> findReaders(@Param("circulationId") long circulationId);

    /** Records the read receipt once; 0 when the reader had already read or is not on the list. */
    int markRead(@Param("circulationId") long circulationId, @Param("username") String username,
                 @Param("readAt") Instant readAt, @Param("opinion") String opinion);

    /** Whether the person is a reader of any circulation of the document. */
    long countReaderOf(@Param("documentId") long documentId, @Param("username") String username);
}
