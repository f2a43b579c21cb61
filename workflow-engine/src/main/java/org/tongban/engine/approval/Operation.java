package org.tongban.engine.approval;

/** The approval operations, as recorded in the action log, on the case timeline and in approval events. */
public enum Operation {
    CLAIM("签收", false),
    COMPLETE("办理", true),
    TRANSFER("转办", true),
    DELEGATE("委派", false),
    RESOLVE("委派办毕", true),
    SEND_BACK("退回", true),
    WITHDRAW("撤回", false),
    ADD_SIGNER("加签", false),
    REMOVE_SIGNER("减签", false),
    COPY("抄送", false),
    URGE("催办", false);

    private final String label;
    private final boolean doneEntry;

    Operation(String label, boolean doneEntry) {
        this.label = label;
        this.doneEntry = doneEntry;
    }

    /** What users read, e.g. 转办. */
    public String label() {
        return label;
    }

    /** Whether the operation puts the task in the actor's 已办 list (the task left their hands by it). */
    public boolean doneEntry() {
        return doneEntry;
    }
}
