package org.tongban.engine.document;

import java.util.List;

/** 传阅: who reads the document (usernames, in order) and a note for them. */
public record CirculationForm(List<String> readers, String note) {

    public CirculationForm {
        readers = readers == null ? List.of() : List.copyOf(readers);
    }
}
