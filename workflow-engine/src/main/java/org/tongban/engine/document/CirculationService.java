package org.tongban.engine.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.internal.DocumentAccess;
import org.tongban.engine.document.internal.DocumentTimeline;
import org.tongban.engine.document.persistence.CirculationMapper;
import org.tongban.engine.document.persistence.CirculationRow;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.ReaderRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;

/**
 * 传阅: a department taking part in a signed or received document passes it round a list of people; each gets a
 * reading task and sees the published text; the sender sees who has read it and who has not.
 */
@Service
public class CirculationService {

    private static final int MAX_READERS = 50;

    private final CirculationMapper mapper;
    private final DocumentAccess access;
    private final DocumentTimeline timeline;
    private final DirectoryService directory;
    private final RuntimeService runtimeService;

    public CirculationService(CirculationMapper mapper, DocumentAccess access, DocumentTimeline timeline,
                              DirectoryService directory, RuntimeService runtimeService) {
        this.mapper = mapper;
        this.access = access;
        this.timeline = timeline;
        this.directory = directory;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public CirculationView start(Actor actor, long documentId, CirculationForm form) {
        DocumentRow document = access.taking(actor, documentId);
        if (DocumentStatus.DRAFTING.name().equals(document.status)) {
            throw new ConflictException("公文尚未签发，不能传阅");
        }
        List<String> readers = readers(form);
        CirculationRow row = new CirculationRow();
        row.documentId = documentId;
        row.sender = actor.username();
        row.note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        row.startedAt = timeline.now();
        mapper.insertCirculation(row);
        for (int i = 0; i < readers.size(); i++) {
            mapper.insertReader(new ReaderRow(row.id, readers.get(i), i, null, null));
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.DOCUMENT_CIRCULATION,
                String.valueOf(row.id), Variables.createVariables()
                        .putValue("circulationId", row.id)
                        .putValue("documentId", documentId)
                        .putValue("readers", new ArrayList<>(readers)));
        mapper.setProcessInstance(row.id, instance.getId());
        Map<String, String> names = directory.displayNames(readers);
        timeline.event(documentId, "circulate", "传阅", actor.username(), actor.displayName(),
                "传阅给 " + String.join("、", readers.stream().map(r -> names.getOrDefault(r, r)).toList()));
        return view(mapper.findCirculation(row.id));
    }

    /** The document's circulations with their receipts, for the departments taking part. */
    @Transactional(readOnly = true)
    public List<CirculationView> list(Actor actor, long documentId) {
        access.taking(actor, documentId);
        return mapper.findCirculationsOf(documentId).stream().map(this::view).toList();
    }

    private List<String> readers(CirculationForm form) {
        Set<String> readers = new LinkedHashSet<>(form.readers());
        if (readers.isEmpty() || readers.size() > MAX_READERS) {
            throw new InvalidInputException("传阅须有 1 到 " + MAX_READERS + " 位阅文人", Map.of("readers", "人数不对"));
        }
        if (readers.size() != form.readers().size()) {
            throw new InvalidInputException("阅文人重复", Map.of("readers", "不能重复"));
        }
        for (String reader : readers) {
            if (reader == null || directory.findActor(reader).isEmpty()) {
                throw new InvalidInputException("没有这位阅文人：" + reader, Map.of("readers", reader + " 不存在"));
            }
        }
        return List.copyOf(readers);
    }

    private CirculationView view(CirculationRow row) {
        List<ReaderRow> readers = mapper.findReaders(row.id);
        List<String> people = new ArrayList<>(readers.stream().map(ReaderRow::username).toList());
        people.add(row.sender);
        Map<String, String> names = directory.displayNames(people);
        List<CirculationView.Receipt> receipts = readers.stream()
                .map(r -> new CirculationView.Receipt(r.username(), names.getOrDefault(r.username(), r.username()),
                        r.readAt() != null, r.readAt(), r.opinion()))
                .toList();
        int read = (int) receipts.stream().filter(CirculationView.Receipt::read).count();
        return new CirculationView(row.id, row.documentId, row.sender, names.getOrDefault(row.sender, row.sender),
                row.note, row.startedAt, receipts, read, receipts.size() - read);
    }
}
