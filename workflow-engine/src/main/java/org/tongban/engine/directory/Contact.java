package org.tongban.engine.directory;

import java.util.List;

/** A person as the address book shows them: how to reach them and where they work. */
public record Contact(String username, String displayName, String phone, String email, List<Post> positions) {

    public Contact {
        positions = List.copyOf(positions);
    }

    /** A position with the names of its department and agency. */
    public record Post(String agencyCode, String agencyName, String departmentCode, String departmentName, Role role) {
    }
}
