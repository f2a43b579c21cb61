package org.tongban.engine.document;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.internal.AttachmentStore;
import org.tongban.engine.document.internal.ContentTypes;
import org.tongban.engine.document.internal.DocumentAccess;
import org.tongban.engine.document.internal.DocumentTimeline;
import org.tongban.engine.document.internal.DraftEditors;
import org.tongban.engine.document.persistence.AttachmentMapper;
import org.tongban.engine.document.persistence.AttachmentRow;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Attachments (附件) of a draft: size and count limited, type detected from the content and checked against an
 * allowed list (PDF, images, Word, Excel, plain text by default: {@code tongban.documents.attachments.allowed-types}),
 * stored under their SHA-256 outside the web root.
 */
@Service
public class AttachmentService {

    private static final int MAX_NAME = 200;

    private final AttachmentMapper mapper;
    private final AttachmentStore store;
    private final DocumentAccess access;
    private final DraftEditors editors;
    private final DocumentTimeline timeline;
    private final long maxBytes;
    private final int maxPerDocument;
    private final Set<String> allowedTypes;

    public AttachmentService(AttachmentMapper mapper, AttachmentStore store, DocumentAccess access,
                             DraftEditors editors, DocumentTimeline timeline,
                             @Value("${tongban.documents.attachments.max-size:20MB}") DataSize maxSize,
                             @Value("${tongban.documents.attachments.max-per-document:20}") int maxPerDocument,
                             @Value("${tongban.documents.attachments.allowed-types:application/pdf,image/png,image/jpeg,"
                                     + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                                     + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                                     + "application/msword,application/vnd.ms-excel,text/plain}")
                             List<String> allowedTypes) {
        this.mapper = mapper;
        this.store = store;
        this.access = access;
        this.editors = editors;
        this.timeline = timeline;
        this.maxBytes = maxSize.toBytes();
        this.maxPerDocument = maxPerDocument;
        this.allowedTypes = Set.copyOf(allowedTypes);
    }

    /** Adds an attachment to a draft; nothing is kept when it is refused. */
    @Transactional
    public AttachmentView upload(Actor actor, long documentId, String fileName, InputStream content) {
        DocumentRow row = access.taking(actor, documentId);
        editors.requireEditor(actor, row);
        String name = cleanName(fileName);
        if (mapper.countAttachments(documentId) >= maxPerDocument) {
            throw new InvalidInputException("每件公文至多 " + maxPerDocument + " 个附件");
        }
        AttachmentStore.Upload upload = store.receive(content, maxBytes);
        try {
            if (upload.size() == 0) {
                throw new InvalidInputException("附件是空文件", Map.of("file", "不能为空"));
            }
            String type = ContentTypes.detect(upload.temporary(), name);
            if (!allowedTypes.contains(type)) {
                throw new InvalidInputException("不接受这种文件（按内容识别为 " + type + "）",
                        Map.of("file", "只接受 PDF、图片、Word、Excel 和纯文本"));
            }
            store.keep(upload);
            AttachmentRow attachment = new AttachmentRow();
            attachment.documentId = documentId;
            attachment.fileName = name;
            attachment.contentType = type;
            attachment.sizeBytes = upload.size();
            attachment.sha256 = upload.sha256();
            attachment.uploadedBy = actor.username();
            attachment.uploadedAt = timeline.now();
            mapper.insertAttachment(attachment);
            return new AttachmentView(attachment.id, name, type, attachment.sizeBytes, attachment.sha256, attachment.uploadedBy,
                    attachment.uploadedAt);
        } finally {
            // refused uploads leave nothing behind; a kept one was moved already
            store.discard(upload);
        }
    }

    /** An attachment's file, for whoever may see the document. */
    @Transactional(readOnly = true)
    public AttachmentContent download(Actor actor, long documentId, long attachmentId) {
        access.visible(actor, documentId);
        AttachmentRow row = mapper.findAttachment(documentId, attachmentId);
        if (row == null || !Files.isRegularFile(store.path(row.sha256))) {
            throw new NotFoundException("附件不存在：" + attachmentId);
        }
        return new AttachmentContent(row.fileName, row.contentType, row.sizeBytes, row.sha256, store.path(row.sha256));
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("附件须有文件名", Map.of("file", "缺少文件名"));
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }
}
