package org.tongban.engine.designer.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Designers' drafts, {@code tb_process_draft}. Lists leave the XML out. */
@Mapper
public interface DraftMapper {

    /** Newest first, without the XML. */
    List<DraftRow> findAll();

    DraftRow findById(@Param("id") long id);

    void insert(DraftRow row);

    int update(DraftRow row);

    int delete(@Param("id") long id);
}
