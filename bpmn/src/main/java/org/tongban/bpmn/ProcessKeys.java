package org.tongban.bpmn;

/** Process and decision keys; each equals its model's file name (without extension) and the model's id. */
public final class ProcessKeys {

    /** 一窗受理·并联审批: intake at the single window, parallel department review, consolidate, deliver. */
    public static final String ONE_WINDOW_APPROVAL = "one-window-approval";

    /** DMN table choosing the reviewing department for a matter and an applicant type. */
    public static final String DISPATCH_DEPARTMENTS = "dispatch-departments";

    private ProcessKeys() {
    }
}
