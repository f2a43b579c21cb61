package org.tongban.engine.document.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公文交换: runs right after 分发, in its transaction. */
@Component("exchangeDocumentDelegate")
class ExchangeDocumentDelegate implements JavaDelegate {

    private final DocumentExchange exchange;

    ExchangeDocumentDelegate(DocumentExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exchange.distribute((Long) execution.getVariable("documentId"));
    }
}
