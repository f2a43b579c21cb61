package org.tongban.office.cases.web;

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
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.cases.CaseDiagram;
import org.tongban.engine.cases.CaseForm;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.cases.SupplementForm;
import org.tongban.engine.directory.Actor;

/** 办件: create at the window, read with the timeline, register a supplement. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "办件")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    @Operation(summary = "窗口收件：登记申请并启动一窗受理流程（受理任务派给本人）")
    ResponseEntity<CaseView> create(@AuthenticationPrincipal Actor actor, @RequestBody CaseForm form) {
        CaseView created = cases.create(actor, form);
        return ResponseEntity.created(URI.create("/api/cases/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "办件详情：事项决定、部门审查、材料、当前环节、办理时间线")
    CaseView get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return cases.get(actor, id);
    }

    @GetMapping("/{id}/diagram")
    @Operation(summary = "办件流程图：流程定义 BPMN XML 及已办、当前环节（可见范围同办件详情）")
    CaseDiagram diagram(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return cases.diagram(actor, id);
    }

    @PostMapping("/{id}/supplements")
    @Operation(summary = "补正登记：申请人补交材料后由窗口登记，相应部门恢复审查")
    CaseView supplement(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                        @RequestBody SupplementForm form) {
        return cases.registerSupplement(actor, id, form);
    }
}
