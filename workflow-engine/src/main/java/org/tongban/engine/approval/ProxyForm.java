package org.tongban.engine.approval;

import java.time.LocalDate;

/** 委托: who stands in ({@code standIn}) from {@code startsOn} to {@code endsOn} (both included). */
public record ProxyForm(String standIn, LocalDate startsOn, LocalDate endsOn, String note) {

    public ProxyForm {
        standIn = standIn == null ? null : standIn.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
