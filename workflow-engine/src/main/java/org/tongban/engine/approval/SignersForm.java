package org.tongban.engine.approval;

import java.util.List;

/** 加签: the people to add to a sign step, with an optional note. */
public record SignersForm(List<String> usernames, String opinion) {

    public SignersForm {
        usernames = usernames == null ? List.of() : usernames.stream().map(u -> u == null ? "" : u.strip()).toList();
        opinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
    }
}
