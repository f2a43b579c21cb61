package org.tongban.engine.document;

import java.time.Instant;
import java.util.List;

/**
 * A document as its page shows it. With {@link AccessLevel#PUBLISHED} access (a recipient or reader) the
 * internal deliberation is left out: countersigns, open steps, timeline, distribution and handling are empty.
 */
public record DocumentView(long id, Direction direction, DocumentKind kind, String kindName, String title, String body,
                           Classification classification, Urgency urgency, DocumentStatus status, String number,
                           String receiptNumber, Party agency, Party department, String drafter, String drafterName,
                           String signer, String signerName, Instant signedAt, List<Party> mainRecipients,
                           List<Party> copyRecipients, List<Party> countersignDepartments, int currentVersion,
                           List<AttachmentView> attachments, Origin origin, List<Distribution> distributions,
                           List<Handling> handling, List<OpenStep> openSteps, List<TimelineEntry> timeline,
                           AccessLevel access, Instant createdAt, Instant updatedAt) {

    /** An agency or department by code and name. */
    public record Party(String code, String name) {
    }

    /** The outgoing document an incoming one was registered from. */
    public record Origin(long documentId, Party agency, String number) {
    }

    /** Where an outgoing document went: MAIN (主送) or COPY (抄送), and the incoming document registered there. */
    public record Distribution(Party agency, String recipientType, long incomingDocumentId, Instant distributedAt) {
    }

    /** One department's 承办 of an incoming document: PENDING or DONE, with its result. */
    public record Handling(Party department, String status, String result, String handledBy, Instant handledAt) {
    }

    /** A task open on the document now. */
    public record OpenStep(String taskId, String activityId, String name, String departmentCode, String assignee) {
    }

    /** One entry of the timeline. */
    public record TimelineEntry(String activityId, String activityName, String departmentCode, String actor,
                                String actorName, String decision, String opinion, Instant occurredAt) {
    }
}
