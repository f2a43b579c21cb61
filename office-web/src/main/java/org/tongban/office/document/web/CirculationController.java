package org.tongban.office.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.document.CirculationForm;
import org.tongban.engine.document.CirculationService;
import org.tongban.engine.document.CirculationView;
import org.tongban.engine.document.DocumentWorkflowService;
import org.tongban.engine.document.ReadForm;

/** 传阅: pass a document round for reading; read receipts. */
@RestController
@RequestMapping("/api/documents/{id}")
@Tag(name = "公文")
class CirculationController {

    private final CirculationService circulations;
    private final DocumentWorkflowService workflow;

    CirculationController(CirculationService circulations, DocumentWorkflowService workflow) {
        this.circulations = circulations;
        this.workflow = workflow;
    }

    @PostMapping("/circulations")
    @Operation(summary = "发起传阅：readers 为阅文人用户名；每人得到一条阅文待办")
    ResponseEntity<CirculationView> start(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                          @RequestBody CirculationForm form) {
        CirculationView started = circulations.start(actor, id, form);
        return ResponseEntity.created(URI.create("/api/documents/" + id + "/circulations")).body(started);
    }

    @GetMapping("/circulations")
    @Operation(summary = "传阅情况：谁已阅（何时、阅文意见），谁未阅")
    List<CirculationView> list(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return circulations.list(actor, id);
    }

    @PostMapping("/read")
    @Operation(summary = "阅毕：本人对该公文的传阅回执（可附阅文意见）")
    ResponseEntity<Void> read(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                              @RequestBody(required = false) ReadForm form) {
        workflow.read(actor, id, form);
        return ResponseEntity.noContent().build();
    }
}
