package org.tongban.office.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.approval.Phrase;
import org.tongban.engine.approval.PhraseBookService;
import org.tongban.engine.approval.PhraseForm;
import org.tongban.engine.directory.Actor;

/** 常用语. */
@RestController
@RequestMapping("/api/phrases")
@Tag(name = "常用语")
class PhraseController {

    private final PhraseBookService phrases;

    PhraseController(PhraseBookService phrases) {
        this.phrases = phrases;
    }

    @GetMapping
    @Operation(summary = "我的常用语，其后是系统默认常用语")
    List<Phrase> phrases(@AuthenticationPrincipal Actor actor) {
        return phrases.phrases(actor);
    }

    @PostMapping
    @Operation(summary = "新增常用语")
    ResponseEntity<Phrase> add(@AuthenticationPrincipal Actor actor, @RequestBody PhraseForm form) {
        Phrase phrase = phrases.add(actor, form);
        return ResponseEntity.created(URI.create("/api/phrases/" + phrase.id())).body(phrase);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "删除自己的常用语")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        phrases.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
