package org.tongban.engine.approval;

/** An opinion alone: 委派办毕 (resolve), 撤回 (withdraw) reason, 催办 message. */
public record OpinionForm(String opinion) {

    public OpinionForm {
        opinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
    }
}
