package org.tongban.engine.directory;

import java.util.List;

/** A person in the address book, without credentials. */
public record Person(String username, String displayName, String phone, String email, boolean enabled,
                     List<Position> positions) {
}
