package org.tongban.office.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.DocumentDiff;
import org.tongban.engine.document.DocumentForm;
import org.tongban.engine.document.DocumentPage;
import org.tongban.engine.document.DocumentPdfService;
import org.tongban.engine.document.DocumentService;
import org.tongban.engine.document.DocumentView;
import org.tongban.engine.document.DocumentWorkflowService;
import org.tongban.engine.document.InstructionForm;
import org.tongban.engine.document.PdfFile;
import org.tongban.engine.document.VersionView;

/** 公文: drafting, versions and their differences, the steps of 发文 and 收文, the GB/T 9704 PDF. */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "公文")
class DocumentController {

    private final DocumentService documents;
    private final DocumentWorkflowService workflow;
    private final DocumentPdfService pdfs;

    DocumentController(DocumentService documents, DocumentWorkflowService workflow, DocumentPdfService pdfs) {
        this.documents = documents;
        this.workflow = workflow;
        this.pdfs = pdfs;
    }

    @PostMapping
    @Operation(summary = "拟稿：新建发文（正文第 1 版），启动发文流程，拟稿任务派给本人")
    ResponseEntity<DocumentView> draft(@AuthenticationPrincipal Actor actor, @RequestBody DocumentForm form) {
        DocumentView created = documents.draft(actor, form);
        return ResponseEntity.created(URI.create("/api/documents/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "我能看到的公文，新的在前")
    DocumentPage list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size) {
        return documents.list(actor, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "公文详情：参与办理的部门看全部，收文机关和阅文人只看正式文本")
    DocumentView get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return documents.get(actor, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改草稿：保存为新的一版（baseVersion 须为当前版本），仅拟稿、核稿、办公室审核环节的办理人")
    DocumentView update(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody DocumentForm form) {
        return documents.update(actor, id, form);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "正文的各个版本（不含正文）")
    List<VersionView> versions(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return documents.versions(actor, id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "某一版的正文")
    VersionView version(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable int version) {
        return documents.version(actor, id, version);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "比较两版正文：逐行，改动的行逐字（中文）或逐词")
    DocumentDiff diff(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam int from,
                      @RequestParam int to) {
        return documents.diff(actor, id, from, to);
    }

    @PostMapping("/{id}/steps/{step}")
    @Operation(summary = "办理公文的当前环节：draft SUBMIT；check、officeReview AGREE/RETURN；countersign AGREE/DISAGREE；"
            + "signOff SIGN/RETURN；seal、distribute、archive；收文 register、propose、handle、close（意见必填的环节须写意见）")
    ResponseEntity<Void> act(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable String step,
                             @RequestBody CompletionForm form) {
        workflow.act(actor, id, step, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/instruction")
    @Operation(summary = "批办：领导批示并指定本机关的承办部门，可要求督办（supervise 与 supervisionDeadline）")
    ResponseEntity<Void> instruct(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                  @RequestBody InstructionForm form) {
        workflow.instruct(actor, id, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "已签发公文的 GB/T 9704-2012 版式 PDF（红头文件）；copy 为份号")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                               @RequestParam(required = false) Integer copy) {
        PdfFile file = pdfs.pdf(actor, id, copy);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
