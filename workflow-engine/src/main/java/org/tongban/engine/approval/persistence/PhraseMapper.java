package org.tongban.engine.approval.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 常用语 rows. */
@Mapper
public interface PhraseMapper {

    /** The user's own phrases, then the defaults. */
    List<PhraseRow> findPhrases(@Param("username") String username);

    long countOwn(@Param("username") String username);

    Integer maxSortOrder(@Param("username") String username);

    void insertPhrase(PhraseRow row);

    int deleteOwn(@Param("id") long id, @Param("username") String username);
}
