package org.tongban.engine.document;

/** A read receipt's optional remark (阅文意见). */
public record ReadForm(String opinion) {
}
