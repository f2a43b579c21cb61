package org.tongban.engine.approval;

import java.util.List;

/** 抄送: to people and/or whole departments (everyone with a position there), with a note. */
public record CopyForm(List<String> usernames, List<String> departmentCodes, String note) {

    public CopyForm {
        usernames = usernames == null ? List.of() : List.copyOf(usernames);
        departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
