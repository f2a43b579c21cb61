package org.tongban.office.designer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.designer.DeployForm;
import org.tongban.engine.designer.DeployResult;
import org.tongban.engine.designer.DesignerCatalog;
import org.tongban.engine.designer.DesignerService;
import org.tongban.engine.designer.Draft;
import org.tongban.engine.designer.DraftForm;
import org.tongban.engine.designer.ModelDiff;
import org.tongban.engine.designer.ProcessModelXml;
import org.tongban.engine.designer.ProcessSummary;
import org.tongban.engine.designer.ValidationReport;
import org.tongban.engine.directory.Actor;

/** 流程设计: the properties panel's catalogue, validation, drafts, deployment, versions, a version's XML, diff. */
@RestController
@RequestMapping("/api/designer")
@Tag(name = "流程设计")
class DesignerController {

    private final DesignerService designer;

    DesignerController(DesignerService designer) {
        this.designer = designer;
    }

    /** A model to validate or deploy. */
    record ModelBody(String xml) {
    }

    @GetMapping("/catalog")
    @Operation(summary = "属性面板的选项：存在的委托 Bean、部门、岗位、签署方式")
    DesignerCatalog catalog(@AuthenticationPrincipal Actor actor) {
        return designer.catalog(actor);
    }

    @PostMapping("/validation")
    @Operation(summary = "部署前校验：XML、引擎解析、平台约定；每个问题对应元素 id")
    ValidationReport validate(@AuthenticationPrincipal Actor actor, @RequestBody ModelBody body) {
        return designer.validate(actor, body.xml());
    }

    @GetMapping("/drafts")
    @Operation(summary = "草稿列表（不含 XML）")
    List<Draft> drafts(@AuthenticationPrincipal Actor actor) {
        return designer.drafts(actor);
    }

    @GetMapping("/drafts/{id}")
    @Operation(summary = "一个草稿")
    Draft draft(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return designer.draft(actor, id);
    }

    @PostMapping("/drafts")
    @Operation(summary = "保存草稿 {id?, xml}：无 id 为新草稿")
    Draft saveDraft(@AuthenticationPrincipal Actor actor, @RequestBody DraftForm form) {
        return designer.saveDraft(actor, form);
    }

    @DeleteMapping("/drafts/{id}")
    @Operation(summary = "删除草稿")
    ResponseEntity<Void> deleteDraft(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        designer.deleteDraft(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/deployments")
    @Operation(summary = "校验后部署 {xml, draftId?}；有错误时 400，errors 为 元素id → 问题，不部署")
    ResponseEntity<DeployResult> deploy(@AuthenticationPrincipal Actor actor, @RequestBody DeployForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(designer.deploy(actor, form));
    }

    @GetMapping("/processes")
    @Operation(summary = "流程及其版本，含各版本运行中的办件数和故障数")
    List<ProcessSummary> processes(@AuthenticationPrincipal Actor actor) {
        return designer.processes(actor);
    }

    @GetMapping("/definitions/{definitionId}/xml")
    @Operation(summary = "某版本的 BPMN XML")
    ProcessModelXml model(@AuthenticationPrincipal Actor actor, @PathVariable String definitionId) {
        return designer.model(actor, definitionId);
    }

    @GetMapping("/diff")
    @Operation(summary = "两个版本的差异：新增、删除、修改的元素")
    ModelDiff diff(@AuthenticationPrincipal Actor actor, @RequestParam String from, @RequestParam String to) {
        return designer.diff(actor, from, to);
    }
}
