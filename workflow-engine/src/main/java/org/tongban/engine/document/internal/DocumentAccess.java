package org.tongban.engine.document.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.AccessLevel;
import org.tongban.engine.document.persistence.AccessRow;
import org.tongban.engine.document.persistence.CirculationMapper;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Who sees a document: the departments granted access to it (FULL while taking part, PUBLISHED as a recipient)
 * and the readers of its circulations (PUBLISHED). Anyone else gets "not found", never a hint that it exists.
 */
@Component
public class DocumentAccess {

    private final DocumentMapper mapper;
    private final CirculationMapper circulations;

    public DocumentAccess(DocumentMapper mapper, CirculationMapper circulations) {
        this.mapper = mapper;
        this.circulations = circulations;
    }

    /** A document the actor may see, with how much of it. */
    public record Visible(DocumentRow row, AccessLevel level) {
    }

    /** Gives a department access; FULL is never lowered to PUBLISHED. */
    public void grant(long documentId, String departmentCode, AccessLevel level) {
        AccessRow existing = mapper.findAccess(documentId, departmentCode);
        if (existing == null) {
            mapper.insertAccess(new AccessRow(documentId, departmentCode, level.name()));
        } else if (level == AccessLevel.FULL && !AccessLevel.FULL.name().equals(existing.accessLevel())) {
            mapper.updateAccess(new AccessRow(documentId, departmentCode, level.name()));
        }
    }

    public Optional<AccessLevel> level(Actor actor, long documentId) {
        if (!actor.departments().isEmpty()) {
            List<AccessRow> rows = mapper.findAccessOf(documentId, actor.departments());
            if (rows.stream().anyMatch(r -> AccessLevel.FULL.name().equals(r.accessLevel()))) {
                return Optional.of(AccessLevel.FULL);
            }
            if (!rows.isEmpty()) {
                return Optional.of(AccessLevel.PUBLISHED);
            }
        }
        return circulations.countReaderOf(documentId, actor.username()) > 0
                ? Optional.of(AccessLevel.PUBLISHED) : Optional.empty();
    }

    /** The document, if the actor may see it at all; otherwise "not found". */
    public Visible visible(Actor actor, long documentId) {
        DocumentRow row = mapper.findDocument(documentId);
        Optional<AccessLevel> level = row == null ? Optional.empty() : level(actor, documentId);
        if (level.isEmpty()) {
            throw new NotFoundException("公文不存在或无权查看：" + documentId);
        }
        return new Visible(row, level.get());
    }

    /** The document, if the actor takes part in it (FULL access); a mere recipient or reader is refused. */
    public DocumentRow taking(Actor actor, long documentId) {
        Visible visible = visible(actor, documentId);
        if (visible.level() != AccessLevel.FULL) {
            throw new ForbiddenException("只有参与办理的部门可以查看或操作此项");
        }
        return visible.row();
    }
}
