package org.tongban.engine.messaging;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.messaging.internal.AttachmentStore;
import org.tongban.engine.messaging.persistence.AttachmentRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Attachments of a conversation: a member uploads a file (checked by size and content type, stored by content
 * hash) and then posts a message naming it; members download it. A file written for an upload whose transaction
 * then fails stays on disk unreferenced: harmless, as files are only reachable through a row.
 */
@Service("messageAttachmentService") // documents have an AttachmentService too
public class AttachmentService {

    private final MessagingMapper mapper;
    private final Membership membership;
    private final AttachmentStore store;
    private final Clock clock;

    public AttachmentService(MessagingMapper mapper, Membership membership, AttachmentStore store, Clock clock) {
        this.mapper = mapper;
        this.membership = membership;
        this.store = store;
        this.clock = clock;
    }

    /** 上传附件 to a conversation of the actor's. */
    @Transactional
    public AttachmentView upload(Actor actor, long conversationId, String fileName, InputStream content) {
        membership.require(actor, conversationId);
        String name = cleanName(fileName);
        AttachmentStore.Stored stored = store.store(content);
        AttachmentRow row = new AttachmentRow();
        row.conversationId = conversationId;
        row.sha256 = stored.sha256();
        row.sizeBytes = stored.size();
        row.contentType = stored.contentType();
        row.fileName = name;
        row.uploadedBy = actor.username();
        row.uploadedAt = clock.instant();
        mapper.insertAttachment(row);
        return view(row);
    }

    /** An attachment of a conversation of the actor's. */
    @Transactional(readOnly = true)
    public AttachmentContent open(Actor actor, long conversationId, long attachmentId) {
        membership.require(actor, conversationId);
        AttachmentRow row = mapper.findAttachment(attachmentId);
        if (row == null || row.conversationId != conversationId) {
            throw new NotFoundException("附件不存在：" + attachmentId);
        }
        return new AttachmentContent(view(row), store.path(row.sha256));
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return store.maxBytes();
    }

    /** The last path segment, without control characters; what the download will be called. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("附件须有文件名", Map.of("file", "缺少文件名"));
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static AttachmentView view(AttachmentRow row) {
        return new AttachmentView(row.id, row.fileName, row.contentType, row.sizeBytes, row.sha256);
    }
}
