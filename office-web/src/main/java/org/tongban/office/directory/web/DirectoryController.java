package org.tongban.office.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.AddressBook;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Contact;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryNode;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.IdentitySyncReport;
import org.tongban.engine.directory.IdentitySyncService;

/** 通讯录: the organisation, the address-book tree down to people, and people search; its push to the identity provider. */
@RestController
@RequestMapping("/api/directory")
@Tag(name = "通讯录")
class DirectoryController {

    private final DirectoryService directory;
    private final AddressBook addressBook;
    private final IdentitySyncService identitySync;

    DirectoryController(DirectoryService directory, AddressBook addressBook, IdentitySyncService identitySync) {
        this.directory = directory;
        this.addressBook = addressBook;
        this.identitySync = identitySync;
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

    @PostMapping("/identity-sync")
    @Operation(summary = "将通讯录同步到统一身份认证（Keycloak）：补建角色、机构、岗位组、用户与成员关系；"
            + "Keycloak 中通讯录没有的账号只报告、不删除（仅系统管理员，Keycloak 模式）")
    IdentitySyncReport synchroniseIdentityProvider(@AuthenticationPrincipal Actor actor) {
        return identitySync.synchronise(actor);
    }
}
