package org.tongban.engine.approval;

/** 转办 / 委派: to whom, with an optional note (办理说明). */
public record HandoverForm(String username, String opinion) {

    public HandoverForm {
        username = username == null ? null : username.strip();
        opinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
    }
}
