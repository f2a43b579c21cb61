package org.tongban.office.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.TaskPage;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.directory.Actor;

/** 待办 and the basic task operations. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "待办与办理")
class TaskController {

    private final ApprovalService approvals;

    TaskController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    @Operation(summary = "我的待办：派给我的和我所在部门岗位的任务，新的在前")
    TaskPage todo(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        return approvals.todo(actor, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "任务详情（仅本人或本部门岗位可见）")
    TaskView task(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return approvals.task(actor, id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "签收")
    TaskView claim(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return approvals.claim(actor, id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "办理：给出决定和意见（未签收的任务先自动签收）")
    ResponseEntity<Void> complete(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                  @RequestBody CompletionForm form) {
        approvals.complete(actor, id, form);
        return ResponseEntity.noContent().build();
    }
}
