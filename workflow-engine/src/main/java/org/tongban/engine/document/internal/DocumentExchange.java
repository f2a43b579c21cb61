package org.tongban.engine.document.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.AccessLevel;
import org.tongban.engine.document.Direction;
import org.tongban.engine.document.DocumentDistributed;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.persistence.AttachmentMapper;
import org.tongban.engine.document.persistence.AttachmentRow;
import org.tongban.engine.document.persistence.DistributionRow;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.RecipientRow;
import org.tongban.engine.document.persistence.VersionRow;

/**
 * 公文交换: registers the distributed document in every main and copy recipient agency as an incoming document
 * linked to the original (its signed text and attachments copied; the files are shared by content hash), lets
 * that agency's office see the original, and starts {@code document-incoming} for that office. Runs inside the
 * distribution's transaction: every recipient gets it, or nobody does and the distribution stays open.
 */
@Component
public class DocumentExchange {

    private final DocumentMapper mapper;
    private final AttachmentMapper attachments;
    private final DocumentAccess access;
    private final DocumentTimeline timeline;
    private final Offices offices;
    private final DirectoryService directory;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;

    public DocumentExchange(DocumentMapper mapper, AttachmentMapper attachments, DocumentAccess access,
                            DocumentTimeline timeline, Offices offices, DirectoryService directory,
                            RuntimeService runtimeService, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.attachments = attachments;
        this.access = access;
        this.timeline = timeline;
        this.offices = offices;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    public void distribute(long documentId) {
        DocumentRow original = mapper.findDocument(documentId);
        VersionRow text = mapper.findVersion(documentId, original.currentVersion);
        List<AttachmentRow> files = attachments.findAttachments(documentId);
        Instant now = timeline.now();
        Map<String, Long> incomingByAgency = new LinkedHashMap<>();
        for (RecipientRow recipient : mapper.findRecipients(documentId)) {
            String office = offices.of(recipient.agencyCode()).orElseThrow(() -> new IllegalStateException(
                    "Agency " + recipient.agencyCode() + " has no office to receive document " + documentId));
            DocumentRow incoming = register(original, text, recipient.agencyCode(), office, now);
            for (AttachmentRow file : files) {
                AttachmentRow copy = new AttachmentRow();
                copy.documentId = incoming.id;
                copy.fileName = file.fileName;
                copy.contentType = file.contentType;
                copy.sizeBytes = file.sizeBytes;
                copy.sha256 = file.sha256;
                copy.uploadedBy = file.uploadedBy;
                copy.uploadedAt = file.uploadedAt;
                attachments.insertAttachment(copy);
            }
            access.grant(incoming.id, office, AccessLevel.FULL);
            access.grant(documentId, office, AccessLevel.PUBLISHED);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.DOCUMENT_INCOMING,
                    String.valueOf(incoming.id), Variables.createVariables()
                            .putValue("documentId", incoming.id)
                            .putValue("officeDepartment", office));
            mapper.setProcessInstance(incoming.id, instance.getId());
            mapper.insertDistribution(new DistributionRow(documentId, recipient.agencyCode(),
                    recipient.recipientType(), incoming.id, now));
            timeline.event(incoming.id, "documentReceived", "来文", DocumentTimeline.SYSTEM,
                    DocumentTimeline.SYSTEM_NAME, agencyName(original.agencyCode) + " " + original.docNumber);
            incomingByAgency.put(recipient.agencyCode(), incoming.id);
        }
        mapper.setDistributed(documentId, DocumentStatus.DISTRIBUTED.name(), now);
        timeline.event(documentId, "exchange", "公文交换", DocumentTimeline.SYSTEM, DocumentTimeline.SYSTEM_NAME,
                incomingByAgency.isEmpty() ? "无外机关收文"
                        : "分送 " + String.join("、", incomingByAgency.keySet().stream().map(this::agencyName).toList()));
        events.publishEvent(new DocumentDistributed(documentId, original.agencyCode, original.docNumber,
                incomingByAgency, now));
    }

    private DocumentRow register(DocumentRow original, VersionRow text, String agencyCode, String office,
                                 Instant now) {
        DocumentRow incoming = new DocumentRow();
        incoming.direction = Direction.INCOMING.name();
        incoming.kind = original.kind;
        incoming.title = text.title();
        incoming.classification = original.classification;
        incoming.urgency = original.urgency;
        incoming.agencyCode = agencyCode;
        incoming.departmentCode = office;
        incoming.officeDepartment = office;
        incoming.drafter = DocumentTimeline.SYSTEM;
        incoming.status = DocumentStatus.RECEIVED.name();
        incoming.currentVersion = 1;
        incoming.docNumber = original.docNumber;
        incoming.originDocumentId = original.id;
        incoming.sourceAgencyCode = original.agencyCode;
        incoming.createdAt = now;
        incoming.updatedAt = now;
        mapper.insertDocument(incoming);
        mapper.insertVersion(new VersionRow(incoming.id, 1, text.title(), text.body(), DocumentTimeline.SYSTEM, now));
        return incoming;
    }

    private String agencyName(String code) {
        return directory.agency(code).map(a -> a.name()).orElse(code);
    }
}
