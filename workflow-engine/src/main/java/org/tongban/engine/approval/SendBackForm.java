package org.tongban.engine.approval;

/** 退回: to which earlier step ({@code targetActivityId}) and why (required). */
public record SendBackForm(String targetActivityId, String reason) {

    public SendBackForm {
        targetActivityId = targetActivityId == null ? null : targetActivityId.strip();
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
