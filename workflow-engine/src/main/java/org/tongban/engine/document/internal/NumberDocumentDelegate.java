package org.tongban.engine.document.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.document.DocumentNumbering;

/** 编号: gives the signed document its number, in the transaction of the sign-off. */
@Component("numberDocumentDelegate")
class NumberDocumentDelegate implements JavaDelegate {

    private final DocumentNumbering numbering;
    private final DocumentTimeline timeline;

    NumberDocumentDelegate(DocumentNumbering numbering, DocumentTimeline timeline) {
        this.numbering = numbering;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = (Long) execution.getVariable("documentId");
        String number = numbering.assign(documentId);
        timeline.event(documentId, "numbering", "编号", DocumentTimeline.SYSTEM, DocumentTimeline.SYSTEM_NAME, number);
    }
}
