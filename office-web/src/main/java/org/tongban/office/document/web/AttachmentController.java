package org.tongban.office.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.AttachmentContent;
import org.tongban.engine.document.AttachmentService;
import org.tongban.engine.document.AttachmentView;

/** 附件: upload to a draft (type checked by content), download by whoever may see the document. */
@RestController
@RequestMapping("/api/documents/{id}/attachments")
@Tag(name = "公文")
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传附件（multipart 字段 file）：按内容识别类型，只收 PDF、图片、Word、Excel、纯文本")
    ResponseEntity<AttachmentView> upload(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                          @RequestParam("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            AttachmentView view = attachments.upload(actor, id, file.getOriginalFilename(), in);
            return ResponseEntity.created(URI.create("/api/documents/" + id + "/attachments/" + view.id())).body(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "下载附件")
    ResponseEntity<Resource> download(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                      @PathVariable long attachmentId) {
        AttachmentContent content = attachments.download(actor, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(content.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(content.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .header(HttpHeaders.ETAG, "\"" + content.sha256() + "\"")
                .body(new FileSystemResource(content.file()));
    }
}
