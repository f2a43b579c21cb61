package org.tongban.engine.document.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;

/** The office (办公室) of an agency: its department with office (文书) positions, which runs the document steps. */
@Component
public class Offices {

    private final DirectoryService directory;

    public Offices(DirectoryService directory) {
        this.directory = directory;
    }

    public Optional<String> of(String agencyCode) {
        return directory.departmentsWithRole(agencyCode, Role.OFFICE).stream().map(Department::code).findFirst();
    }
}
