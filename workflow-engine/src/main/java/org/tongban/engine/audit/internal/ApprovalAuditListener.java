package org.tongban.engine.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.engine.approval.ApprovalEvent;
import org.tongban.engine.approval.TaskOperation;
import org.tongban.engine.audit.AuditEntry;
import org.tongban.engine.audit.AuditResult;
import org.tongban.engine.audit.AuditTrail;

/**
 * Every approval operation (completion, transfer, send-back, withdraw, add signer …) as an engine-side audit record,
 * with the process, step, business key, decision and targets — who acted on behalf of whom included. Written just
 * before the operation's transaction commits, so the audit chain's head lock is always the last lock taken and two
 * departments completing branches of one case never wait on each other in a circle.
 */
@Component
class ApprovalAuditListener {

    private final AuditTrail trail;
    private final ObjectMapper json;

    ApprovalAuditListener(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ApprovalEvent event) {
        TaskOperation op = event.operation();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("process", event.task().processKey());
        detail.put("activity", event.task().activityId());
        detail.put("businessKey", event.task().businessKey());
        detail.put("decision", op.decision());
        detail.put("targets", op.targets());
        trail.record(new AuditEntry(op.actor(), op.onBehalfOf(),
                "task." + op.operation().name().toLowerCase(Locale.ROOT), "task", event.task().taskId(),
                AuditResult.SUCCESS, null, toJson(detail)));
    }

    private String toJson(Map<String, Object> detail) {
        try {
            String text = json.writeValueAsString(detail);
            return text.length() > AuditEntry.MAX_DETAIL_LENGTH ? text.substring(0, AuditEntry.MAX_DETAIL_LENGTH) : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
