package org.tongban.engine.document;

/** 紧急程度 of a paper document (GB/T 9704-2012: 特急, 加急). An ordinary document has none. */
public enum Urgency {
    URGENT("加急"),
    EXTRA_URGENT("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
