package org.tongban.office.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;

/** 通讯录: the organisation tree (people come with the collaboration layer). */
@RestController
@RequestMapping("/api/directory")
@Tag(name = "通讯录")
class DirectoryController {

    private final DirectoryService directory;

    DirectoryController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/agencies")
    @Operation(summary = "机关列表")
    List<Agency> agencies() {
        return directory.agencies();
    }

    @GetMapping("/departments")
    @Operation(summary = "处室列表")
    List<Department> departments() {
        return directory.departments();
    }
}
