package org.tongban.engine.document;

/**
 * 文种: the 15 kinds of 党政机关公文处理工作条例 (2012). Each belongs to a numbering family: letters (函), minutes
 * (纪要) and orders (命令) are numbered apart from the rest, with their mark after the 机关代字 (杭市监函〔2026〕3号).
 */
public enum DocumentKind {
    RESOLUTION("决议"),
    DECISION("决定"),
    ORDER("命令", "令"),
    COMMUNIQUE("公报"),
    ANNOUNCEMENT("公告"),
    PUBLIC_NOTICE("通告"),
    OPINION("意见"),
    NOTICE("通知"),
    CIRCULAR("通报"),
    REPORT("报告"),
    REQUEST("请示"),
    REPLY("批复"),
    MOTION("议案"),
    LETTER("函", "函"),
    MINUTES("纪要", "纪");

    private final String label;
    private final String numberMark;

    DocumentKind(String label) {
        this(label, "");
    }

    DocumentKind(String label, String numberMark) {
        this.label = label;
        this.numberMark = numberMark;
    }

    /** The Chinese name shown to users, e.g. 通知. */
    public String label() {
        return label;
    }

    /** What follows the 机关代字 in the number: "" for the general family, 函, 纪 or 令. */
    public String numberMark() {
        return numberMark;
    }

    /** The numbering family: kinds of one family share a counter per agency and year. */
    public String numberFamily() {
        return numberMark.isEmpty() ? "GEN" : name();
    }

    /** 上行文 (to a higher authority): the header shows the 签发人. */
    public boolean upward() {
        return this == REPORT || this == REQUEST;
    }
}
