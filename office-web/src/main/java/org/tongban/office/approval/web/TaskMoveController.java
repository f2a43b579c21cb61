package org.tongban.office.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.approval.CopyForm;
import org.tongban.engine.approval.CopyResult;
import org.tongban.engine.approval.CopyService;
import org.tongban.engine.approval.EarlierStep;
import org.tongban.engine.approval.MoveResult;
import org.tongban.engine.approval.OpinionForm;
import org.tongban.engine.approval.SendBackForm;
import org.tongban.engine.approval.SendBackService;
import org.tongban.engine.approval.SignerService;
import org.tongban.engine.approval.SignersForm;
import org.tongban.engine.approval.SignersView;
import org.tongban.engine.approval.UrgeResult;
import org.tongban.engine.approval.UrgeService;
import org.tongban.engine.directory.Actor;

/** The operations that move a process or involve others: 退回, 撤回, 加签/减签, 抄送, 催办. */
@RestController
@RequestMapping("/api/tasks/{id}")
@Tag(name = "待办与办理")
class TaskMoveController {

    private final SendBackService sendBacks;
    private final SignerService signers;
    private final CopyService copies;
    private final UrgeService urges;

    TaskMoveController(SendBackService sendBacks, SignerService signers, CopyService copies, UrgeService urges) {
        this.sendBacks = sendBacks;
        this.signers = signers;
        this.copies = copies;
        this.urges = urges;
    }

    @GetMapping("/send-back-targets")
    @Operation(summary = "可退回的步骤：本分支或外层已办理过的步骤")
    List<EarlierStep> sendBackTargets(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return sendBacks.targets(actor, id);
    }

    @PostMapping("/send-back")
    @Operation(summary = "退回到此前办理过的步骤（必须写明理由）；退回到受理会撤销全部部门的并联审查")
    MoveResult sendBack(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SendBackForm form) {
        return sendBacks.sendBack(actor, id, form);
    }

    @PostMapping("/withdraw")
    @Operation(summary = "撤回：本人办理的任务（id 为已办任务），在下一步未被签收或处理前可撤回")
    MoveResult withdraw(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                        @RequestBody(required = false) OpinionForm form) {
        return sendBacks.withdraw(actor, id, form == null ? new OpinionForm(null) : form);
    }

    @GetMapping("/signers")
    @Operation(summary = "会签/或签/依次步骤的签署人及其状态")
    SignersView signers(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return signers.signers(actor, id);
    }

    @PostMapping("/signers")
    @Operation(summary = "加签：并行步骤新增签署人；依次步骤插在当前签署人之后")
    SignersView addSigners(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SignersForm form) {
        return signers.addSigners(actor, id, form);
    }

    @DeleteMapping("/signers/{username}")
    @Operation(summary = "减签：去掉尚未签署的签署人")
    SignersView removeSigner(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                             @PathVariable String username, @RequestParam(required = false) String opinion) {
        return signers.removeSigner(actor, id, username, new OpinionForm(opinion));
    }

    @PostMapping("/copies")
    @Operation(summary = "抄送给人或部门（部门内所有人），出现在其「抄送我的」中")
    CopyResult copy(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody CopyForm form) {
        return copies.copy(actor, id, form);
    }

    @PostMapping("/urge")
    @Operation(summary = "催办：提醒办理人或候选人；同一任务每人每小时一次（否则 429）")
    UrgeResult urge(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                    @RequestBody(required = false) OpinionForm form) {
        return urges.urge(actor, id, form == null ? new OpinionForm(null) : form);
    }
}
