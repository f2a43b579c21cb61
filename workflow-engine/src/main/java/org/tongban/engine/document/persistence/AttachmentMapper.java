package org.tongban.engine.document.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Attachment rows; the files themselves are in the attachment store. */
@Mapper
public interface AttachmentMapper {

    void insertAttachment(AttachmentRow row);

    List<AttachmentRow> findAttachments(@Param("documentId") long documentId);

    AttachmentRow findAttachment(@Param("documentId") long documentId, @Param("id") long id);

    long countAttachments(@Param("documentId") long documentId);
}
