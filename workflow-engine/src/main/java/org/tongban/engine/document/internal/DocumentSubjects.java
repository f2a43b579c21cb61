package org.tongban.engine.document.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.InvalidInputException;

/** What document tasks are about, for the todo list; and small checks the task handlers share. */
@Component
public class DocumentSubjects {

    private final DocumentMapper mapper;

    public DocumentSubjects(DocumentMapper mapper) {
        this.mapper = mapper;
    }

    /** Subjects by business key (= document id). */
    public Map<String, Subject> byDocumentId(Collection<String> businessKeys) {
        List<Long> ids = businessKeys.stream().filter(Objects::nonNull).map(Long::valueOf).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mapper.findDocuments(ids).stream().collect(Collectors.toMap(d -> String.valueOf(d.id),
                (DocumentRow d) -> new Subject(d.id, d.docNumber, d.title)));
    }

    public DocumentRow document(String businessKey) {
        DocumentRow row = mapper.findDocument(Long.parseLong(businessKey));
        if (row == null) {
            throw new IllegalStateException("No document for business key " + businessKey);
        }
        return row;
    }

    /** Refuses a completion whose opinion is required and missing. */
    static void requireOpinion(boolean required, String opinion, String message) {
        if (required && (opinion == null || opinion.isBlank())) {
            throw new InvalidInputException(message, Map.of("opinion", "必填"));
        }
    }
}
