package org.tongban.bpmn;

/** Process and decision keys; each equals its model's file name (without extension) and the model's id. */
public final class ProcessKeys {

    /** 一窗受理·并联审批: intake at the single window, parallel department review, consolidate, deliver. */
    public static final String ONE_WINDOW_APPROVAL = "one-window-approval";

    /**
     * 督查督办: 立项 (from a leader's instruction, a meeting decision or an overdue case) → split into sub-items for
     * responsible units → 交办 → periodic feedback reviewed by the supervisor → 办结 request → 销号 approval.
     */
    public static final String SUPERVISION = "supervision";

    /** DMN table choosing the reviewing department for a matter and an applicant type. */
    public static final String DISPATCH_DEPARTMENTS = "dispatch-departments";

    /** 发文: draft, check, countersign, office review, sign-off, numbering, seal, distribution (exchange), archive. */
    public static final String DOCUMENT_OUTGOING = "document-outgoing";

    /** 收文: registration, proposal, leader instruction, parallel handling, close, archive. */
    public static final String DOCUMENT_INCOMING = "document-incoming";

    /** 传阅: a document passed round a list of people for reading, with read receipts. */
    public static final String DOCUMENT_CIRCULATION = "document-circulation";

    private ProcessKeys() {
    }
}
