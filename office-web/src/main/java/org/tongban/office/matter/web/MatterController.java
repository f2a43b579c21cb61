package org.tongban.office.matter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterBundle;
import org.tongban.engine.matter.MatterCatalog;

/** 事项目录: what the window can accept. Readable by every signed-in user. */
@RestController
@RequestMapping("/api")
@Tag(name = "事项目录")
class MatterController {

    private final MatterCatalog catalog;

    MatterController(MatterCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/matters")
    @Operation(summary = "事项列表（含材料、部门、承诺时限）")
    List<Matter> matters() {
        return catalog.matters();
    }

    @GetMapping("/matter-bundles")
    @Operation(summary = "一件事列表")
    List<MatterBundle> bundles() {
        return catalog.bundles();
    }
}
