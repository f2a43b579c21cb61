package org.tongban.engine.audit;

import java.util.List;

/** One page of audit records, newest first, with the number of records matching the query. */
public record AuditPage(List<AuditRecord> items, long total, int page, int size) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
