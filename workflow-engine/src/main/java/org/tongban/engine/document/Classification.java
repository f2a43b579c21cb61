package org.tongban.engine.document;

/** 密级, lowest first. An unclassified document has none. */
public enum Classification {
    CONFIDENTIAL("秘密"),
    SECRET("机密"),
    TOP_SECRET("绝密");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
