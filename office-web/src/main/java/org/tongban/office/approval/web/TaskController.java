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
import org.tongban.engine.approval.BatchApprovalService;
import org.tongban.engine.approval.BatchForm;
import org.tongban.engine.approval.BatchResult;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.approval.HandoverForm;
import org.tongban.engine.approval.OpinionForm;
import org.tongban.engine.approval.TaskPage;
import org.tongban.engine.approval.TaskView;
import org.tongban.engine.approval.WorkbenchQuery;
import org.tongban.engine.approval.WorkbenchService;
import org.tongban.engine.directory.Actor;

/** 待办 and the task operations that keep the task in one step: 签收, 办理, 批量审批, 转办, 委派 and its return. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "待办与办理")
class TaskController {

    private final ApprovalService approvals;
    private final WorkbenchService workbench;
    private final BatchApprovalService batch;

    TaskController(ApprovalService approvals, WorkbenchService workbench, BatchApprovalService batch) {
        this.approvals = approvals;
        this.workbench = workbench;
        this.batch = batch;
    }

    @GetMapping
    @Operation(summary = "我的待办：派给我的、我所在岗位的、我委派出去的和代理给我的任务；可按流程、事项、期限筛选，分页排序")
    TaskPage todo(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String process,
                  @RequestParam(required = false) String matter, @RequestParam(required = false) String due,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workbench.todo(actor, new WorkbenchQuery(process, matter, due, null, sort, direction, page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "任务详情（办理人、候选岗位、委派人、代理人可见）")
    TaskView task(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return approvals.task(actor, id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "签收")
    TaskView claim(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return approvals.claim(actor, id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "办理：给出决定和意见（未签收的任务先自动签收；会签/或签/依次步骤的决定为 AGREE 或 DISAGREE）")
    ResponseEntity<Void> complete(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                  @RequestBody CompletionForm form) {
        approvals.complete(actor, id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/batch-complete")
    @Operation(summary = "批量审批：同一决定和意见办理多个任务，逐个返回结果，成功的保留")
    BatchResult batchComplete(@AuthenticationPrincipal Actor actor, @RequestBody BatchForm form) {
        return batch.complete(actor, form);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "转办：任务永久交给另一人")
    TaskView transfer(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody HandoverForm form) {
        return approvals.transfer(actor, id, form);
    }

    @PostMapping("/{id}/delegate")
    @Operation(summary = "委派：请另一人办理，办毕返回本人；委派期间本人仍可看到")
    TaskView delegate(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody HandoverForm form) {
        return approvals.delegate(actor, id, form);
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "委派办毕：受委派人写明意见后返回委派人")
    TaskView resolve(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody OpinionForm form) {
        return approvals.resolve(actor, id, form);
    }
}
