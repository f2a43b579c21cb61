package org.tongban.engine.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseMatterRow;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.outbox.Outbox;
import org.tongban.engine.platform.EngineClock;

/**
 * 数据共享交换: each status change of a case is queued in the outbox, in the transaction that made it, for the
 * provincial 一体化政务服务平台 (channel {@code data-sharing}; the recipient is the case number, the body a JSON
 * document). The platform learns case number, matters, status and outcome; the applicant's name and id number are
 * sent too, because the province links cases to the same 申请人 across cities — its exchange is inside the
 * government network (电子政务外网), unlike SMS.
 */
@Component
public class CaseExchange {

    /** The outbox channel of the provincial exchange. */
    public static final String CHANNEL = "data-sharing";

    private final CaseMapper cases;
    private final Outbox outbox;
    private final ApplicantSettings settings;
    private final EngineClock clock;
    private final ObjectMapper json = new ObjectMapper();

    CaseExchange(CaseMapper cases, Outbox outbox, ApplicantSettings settings, EngineClock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the case's current status (after it was written), when the exchange is on. */
    public void reportStatus(long caseId) {
        if (!settings.dataSharing()) {
            return;
        }
        CaseRow row = cases.findCase(caseId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", row.caseNumber);
        body.put("status", row.status);
        body.put("outcome", row.outcome);
        body.put("matterCodes", cases.findMatters(caseId).stream().map(CaseMatterRow::matterCode).toList());
        body.put("applicantType", row.applicantType);
        body.put("applicantName", row.applicantName);
        body.put("applicantIdNumber", row.applicantIdNumber);
        body.put("windowDepartment", row.windowDepartment);
        body.put("acceptedAt", row.createdAt.toString());
        body.put("closedAt", row.closedAt == null ? null : row.closedAt.toString());
        body.put("occurredAt", clock.now().toString());
        try {
            outbox.enqueue(CHANNEL, row.caseNumber, row.status, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
