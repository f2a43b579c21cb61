package org.tongban.office.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.supervision.SubItemForm;
import org.tongban.engine.supervision.SupervisionItemForm;
import org.tongban.engine.supervision.SupervisionItemStatus;
import org.tongban.engine.supervision.SupervisionItemSummary;
import org.tongban.engine.supervision.SupervisionItemView;
import org.tongban.engine.supervision.SupervisionService;
import org.tongban.engine.supervision.UrgeForm;

/** 督办事项: 立项, 分解, 催办, reading. The process steps are tasks (/api/tasks). */
@RestController
@RequestMapping("/api/supervision/items")
@Tag(name = "督查督办")
class SupervisionController {

    private final SupervisionService supervision;

    SupervisionController(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @PostMapping
    @Operation(summary = "立项：领导批示或会议决定，可同时分解子项（随即交办）")
    ResponseEntity<SupervisionItemView> open(@AuthenticationPrincipal Actor actor, @RequestBody SupervisionItemForm form) {
        SupervisionItemView opened = supervision.open(actor, form);
        return ResponseEntity.created(URI.create("/api/supervision/items/" + opened.id())).body(opened);
    }

    @GetMapping
    @Operation(summary = "督办事项列表：督办员看全部，责任单位只看有本单位子项的事项")
    SupervisionItemSummary.Page list(@AuthenticationPrincipal Actor actor,
                                     @RequestParam(required = false) SupervisionItemStatus status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        return supervision.list(actor, status, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "督办事项详情：子项、反馈、当前环节、督办记录（责任单位只见本单位子项）")
    SupervisionItemView get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return supervision.get(actor, id);
    }

    @PostMapping("/{id}/sub-items")
    @Operation(summary = "分解：在分解交办环节添加子项（责任单位、要求、期限）")
    SupervisionItemView addSubItem(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                   @RequestBody SubItemForm form) {
        return supervision.addSubItem(actor, id, form);
    }

    @PostMapping("/{id}/urge")
    @Operation(summary = "催办：提醒某一子项或全部办理中子项的责任单位")
    SupervisionItemView urge(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                             @RequestBody(required = false) UrgeForm form) {
        return supervision.urge(actor, id, form);
    }
}
