package org.tongban.engine.cases.internal;

import org.springframework.stereotype.Component;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.outbox.Outbox;

/**
 * Text messages to the applicant, through the outbox (channel {@code sms}) in the caller's transaction. Only a
 * mainland mobile number gets one; a landline or nothing is skipped.
 */
@Component
public class ApplicantSms {

    static final String CHANNEL = "sms";

    private final Outbox outbox;

    ApplicantSms(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues the message when the applicant gave a mobile number; returns whether it did. */
    public boolean send(CaseRow row, String subject, String body) {
        String mobile = row.applicantPhone == null ? null : row.applicantPhone.replaceAll("[\\s-]", "");
        if (mobile == null || !mobile.matches("(\\+?86)?1[3-9]\\d{9}")) {
            return false;
        }
        outbox.enqueue(CHANNEL, mobile, subject, body);
        return true;
    }
}
