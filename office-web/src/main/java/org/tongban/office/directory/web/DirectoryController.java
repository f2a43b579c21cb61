package org.tongban.office.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.AddressBook;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Contact;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryNode;
import org.tongban.engine.directory.DirectoryService;

/** 通讯录: the organisation, the address-book tree down to people, and people search. */
@RestController
@RequestMapping("/api/directory")
@Tag(name = "通讯录")
class DirectoryController {

    private final DirectoryService directory;
    private final AddressBook addressBook;

    DirectoryController(DirectoryService directory, AddressBook addressBook) {
        this.directory = directory;
        this.addressBook = addressBook;
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

    @GetMapping("/tree")
    @Operation(summary = "通讯录树：省 → 市 → 县 → 机关 → 处室 → 人")
    List<DirectoryNode> tree() {
        return addressBook.tree();
    }

    @GetMapping("/people")
    @Operation(summary = "按姓名、处室、机关或电话查人（至多 50 人）；从结果发起单聊：POST /api/conversations/direct")
    List<Contact> people(@RequestParam(required = false) String q) {
        return addressBook.search(q);
    }
}
