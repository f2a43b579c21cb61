package org.tongban.engine.document.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.AccessLevel;
import org.tongban.engine.document.AttachmentView;
import org.tongban.engine.document.Classification;
import org.tongban.engine.document.Direction;
import org.tongban.engine.document.DocumentKind;
import org.tongban.engine.document.DocumentStatus;
import org.tongban.engine.document.DocumentSummary;
import org.tongban.engine.document.DocumentView;
import org.tongban.engine.document.DocumentView.Party;
import org.tongban.engine.document.Urgency;
import org.tongban.engine.document.VersionView;
import org.tongban.engine.document.persistence.AttachmentMapper;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.RecipientRow;
import org.tongban.engine.document.persistence.VersionRow;

/** Builds the views of documents: names from the directory, open steps from the engine. */
@Component
public class DocumentViews {

    private final DocumentMapper mapper;
    private final AttachmentMapper attachments;
    private final DirectoryService directory;
    private final TaskService taskService;

    public DocumentViews(DocumentMapper mapper, AttachmentMapper attachments, DirectoryService directory,
                         TaskService taskService) {
        this.mapper = mapper;
        this.attachments = attachments;
        this.directory = directory;
        this.taskService = taskService;
    }

    public DocumentView view(DocumentRow row, AccessLevel level) {
        boolean full = level == AccessLevel.FULL;
        Map<String, Agency> agencies = directory.agencies().stream()
                .collect(Collectors.toMap(Agency::code, Function.identity()));
        Map<String, Department> departments = directory.departmentsByCode();
        List<RecipientRow> recipients = mapper.findRecipients(row.id);
        VersionRow current = mapper.findVersion(row.id, row.currentVersion);
        Set<String> people = new HashSet<>();
        people.add(row.drafter);
        if (row.signer != null) {
            people.add(row.signer);
        }
        Map<String, String> names = directory.displayNames(people);
        DocumentView.Origin origin = null;
        if (row.originDocumentId != null) {
            origin = new DocumentView.Origin(row.originDocumentId, agency(agencies, row.sourceAgencyCode),
                    row.docNumber);
        }
        return new DocumentView(row.id, Direction.valueOf(row.direction), DocumentKind.valueOf(row.kind),
                DocumentKind.valueOf(row.kind).label(), current.title(), current.body(),
                row.classification == null ? null : Classification.valueOf(row.classification),
                row.urgency == null ? null : Urgency.valueOf(row.urgency), DocumentStatus.valueOf(row.status),
                row.docNumber, row.receiptNumber, agency(agencies, row.agencyCode),
                department(departments, row.departmentCode), row.drafter, names.get(row.drafter), row.signer,
                row.signer == null ? null : names.get(row.signer), row.signedAt,
                recipients(agencies, recipients, "MAIN"), recipients(agencies, recipients, "COPY"),
                full ? mapper.findCountersigns(row.id).stream().map(c -> department(departments, c.code())).toList()
                        : List.of(),
                row.currentVersion, attachments(row.id), origin,
                full ? mapper.findDistributions(row.id).stream()
                        .map(d -> new DocumentView.Distribution(agency(agencies, d.agencyCode()), d.recipientType(),
                                d.incomingDocumentId(), d.distributedAt())).toList() : List.of(),
                full ? mapper.findHandlings(row.id).stream()
                        .map(h -> new DocumentView.Handling(department(departments, h.departmentCode()), h.status(),
                                h.result(), h.handledBy(), h.handledAt())).toList() : List.of(),
                full ? openSteps(row) : List.of(),
                full ? mapper.findSteps(row.id).stream()
                        .map(s -> new DocumentView.TimelineEntry(s.activityId(), s.activityName(), s.departmentCode(),
                                s.actor(), s.actorName(), s.decision(), s.opinion(), s.occurredAt())).toList()
                        : List.of(),
                level, row.createdAt, row.updatedAt);
    }

    public DocumentSummary summary(DocumentRow row) {
        return new DocumentSummary(row.id, Direction.valueOf(row.direction), DocumentKind.valueOf(row.kind), row.title,
                DocumentStatus.valueOf(row.status), row.docNumber, row.agencyCode, row.drafter, row.updatedAt);
    }

    public List<AttachmentView> attachments(long documentId) {
        return attachments.findAttachments(documentId).stream()
                .map(a -> new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy,
                        a.uploadedAt))
                .toList();
    }

    public VersionView version(VersionRow v, boolean withBody) {
        String name = directory.displayNames(List.of(v.savedBy())).getOrDefault(v.savedBy(), v.savedBy());
        return new VersionView(v.versionNo(), v.title(), withBody ? v.body() : null, v.savedBy(), name, v.savedAt());
    }

    private List<DocumentView.OpenStep> openSteps(DocumentRow row) {
        List<DocumentView.OpenStep> steps = new ArrayList<>();
        if (row.processInstanceId == null) {
            return steps;
        }
        for (Task t : taskService.createTaskQuery().processInstanceId(row.processInstanceId)
                .orderByTaskCreateTime().asc().list()) {
            String department = taskService.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(l -> l.getGroupId().split(":")[0]).findFirst().orElse(null);
            steps.add(new DocumentView.OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(), department,
                    t.getAssignee()));
        }
        return steps;
    }

    private static List<Party> recipients(Map<String, Agency> agencies, List<RecipientRow> rows, String type) {
        return rows.stream().filter(r -> r.recipientType().equals(type)).map(r -> agency(agencies, r.agencyCode()))
                .toList();
    }

    static Party agency(Map<String, Agency> agencies, String code) {
        if (code == null) {
            return null;
        }
        Agency agency = agencies.get(code);
        return new Party(code, agency == null ? code : agency.name());
    }

    static Party department(Map<String, Department> departments, String code) {
        if (code == null) {
            return null;
        }
        Department department = departments.get(code);
        return new Party(code, department == null ? code : department.name());
    }
}
