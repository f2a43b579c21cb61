package org.tongban.engine.document.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.persistence.DocumentMapper;

/** 归档: marks an outgoing or incoming document archived when its process ends. */
@Component("archiveDocumentDelegate")
class ArchiveDocumentDelegate implements JavaDelegate {

    private final DocumentMapper mapper;
    private final DocumentTimeline timeline;

    ArchiveDocumentDelegate(DocumentMapper mapper, DocumentTimeline timeline) {
        this.mapper = mapper;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = (Long) execution.getVariable("documentId");
        mapper.setArchived(documentId, DocumentStatus.ARCHIVED.name(), timeline.now());
        timeline.event(documentId, "recordArchive", "归档", DocumentTimeline.SYSTEM, DocumentTimeline.SYSTEM_NAME, null);
    }
}
