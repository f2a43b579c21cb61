package org.tongban.office.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.approval.CopyService;
import org.tongban.engine.approval.CopyView;
import org.tongban.engine.approval.DoneItem;
import org.tongban.engine.approval.ListPage;
import org.tongban.engine.approval.StartedItem;
import org.tongban.engine.approval.WorkbenchCounts;
import org.tongban.engine.approval.WorkbenchQuery;
import org.tongban.engine.approval.WorkbenchService;
import org.tongban.engine.directory.Actor;

/** 工作台: 已办, 我发起的, 抄送我的 and the count of every list (待办 is {@code GET /api/tasks}). */
@RestController
@RequestMapping("/api/workbench")
@Tag(name = "工作台")
class WorkbenchController {

    private final WorkbenchService workbench;
    private final CopyService copies;

    WorkbenchController(WorkbenchService workbench, CopyService copies) {
        this.workbench = workbench;
        this.copies = copies;
    }

    @GetMapping("/counts")
    @Operation(summary = "各列表的数量：待办（含即将到期、已逾期）、已办、我发起的、抄送我的（含未读）")
    WorkbenchCounts counts(@AuthenticationPrincipal Actor actor) {
        return workbench.counts(actor);
    }

    @GetMapping("/done")
    @Operation(summary = "已办：我办理、转办、退回、委派办毕的任务，新的在前")
    ListPage<DoneItem> done(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String process,
                            @RequestParam(required = false) String matter, @RequestParam(required = false) String direction,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workbench.done(actor, new WorkbenchQuery(process, matter, null, null, null, direction, page, size));
    }

    @GetMapping("/started")
    @Operation(summary = "我发起的流程")
    ListPage<StartedItem> started(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String process,
                                  @RequestParam(required = false) String matter,
                                  @RequestParam(required = false) String direction,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workbench.started(actor, new WorkbenchQuery(process, matter, null, null, null, direction, page, size));
    }

    @GetMapping("/copied")
    @Operation(summary = "抄送我的；unread=true 只看未读")
    ListPage<CopyView> copied(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String process,
                              @RequestParam(required = false) String matter, @RequestParam(required = false) Boolean unread,
                              @RequestParam(required = false) String direction,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workbench.copied(actor, new WorkbenchQuery(process, matter, null, unread, null, direction, page, size));
    }

    @PostMapping("/copied/{copyId}/read")
    @Operation(summary = "标记抄送为已读")
    CopyView read(@AuthenticationPrincipal Actor actor, @PathVariable long copyId) {
        return copies.markRead(actor, copyId);
    }
}
