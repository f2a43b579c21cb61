package org.tongban.engine.messaging;

import java.util.List;

/** A new group conversation: its title and the people besides its creator. */
public record GroupForm(String title, List<String> members) {

    public GroupForm {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
