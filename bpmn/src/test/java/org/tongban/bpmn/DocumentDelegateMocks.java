package org.tongban.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the delegate beans of the document processes, registered under the bean names the models use.
 * Each does what the real bean contracts to do with the process variables and remembers what it saw: the
 * exchange starts {@code document-incoming} for every recipient agency's office, in the distribution's command.
 */
final class DocumentDelegateMocks {

    /** Recipient agency → its office department, as the real exchange reads them from the document. */
    private final Map<String, String> recipientOffices = new LinkedHashMap<>();
    /** When set, the exchange fails after starting the first incoming process (to prove all or nothing). */
    private boolean failAfterFirstRecipient;
    private long nextIncomingId = 900;

    final List<Long> numberedDocuments = new ArrayList<>();
    final List<Long> archivedDocuments = new ArrayList<>();
    final List<Long> exchangedDocuments = new ArrayList<>();
    /** Incoming document id → the office it was sent to. */
    final Map<Long, String> incomingOffices = new LinkedHashMap<>();

    DocumentDelegateMocks recipients(Map<String, String> agencyOffices) {
        recipientOffices.putAll(agencyOffices);
        return this;
    }

    DocumentDelegateMocks failingAfterFirstRecipient() {
        failAfterFirstRecipient = true;
        return this;
    }

    DocumentDelegateMocks register() {
        Mocks.register("numberDocumentDelegate", (JavaDelegate) execution -> numberedDocuments.add(documentId(execution)));
        Mocks.register("exchangeDocumentDelegate", (JavaDelegate) this::exchange);
        Mocks.register("archiveDocumentDelegate", (JavaDelegate) execution -> archivedDocuments.add(documentId(execution)));
        return this;
    }

    private void exchange(DelegateExecution execution) {
        long original = documentId(execution);
        exchangedDocuments.add(original);
        for (String office : recipientOffices.values()) {
            long incoming = nextIncomingId++;
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                    ProcessKeys.DOCUMENT_INCOMING, Long.toString(incoming), Variables.createVariables()
                            .putValue("documentId", incoming)
                            .putValue("officeDepartment", office));
            incomingOffices.put(incoming, office);
            if (failAfterFirstRecipient) {
                throw new IllegalStateException("exchange failed after the first recipient");
            }
        }
    }

    /** The real delegates look the document up by this variable; it must be a Long. */
    private static Long documentId(DelegateExecution execution) {
        return (Long) execution.getVariable("documentId");
    }
}
