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
import org.tongban.engine.approval.ProxyForm;
import org.tongban.engine.approval.ProxyService;
import org.tongban.engine.approval.ProxyView;
import org.tongban.engine.directory.Actor;

/** 代理/委托. */
@RestController
@RequestMapping("/api/proxies")
@Tag(name = "代理")
class ProxyController {

    private final ProxyService proxies;

    ProxyController(ProxyService proxies) {
        this.proxies = proxies;
    }

    @GetMapping
    @Operation(summary = "我设置的和委托给我的代理（当前及将来）")
    List<ProxyView> proxies(@AuthenticationPrincipal Actor actor) {
        return proxies.proxies(actor);
    }

    @PostMapping
    @Operation(summary = "设置代理：期间新到的任务代理人与本人都能看到并办理，办理记为代办")
    ResponseEntity<ProxyView> create(@AuthenticationPrincipal Actor actor, @RequestBody ProxyForm form) {
        ProxyView proxy = proxies.create(actor, form);
        return ResponseEntity.created(URI.create("/api/proxies/" + proxy.id())).body(proxy);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "取消代理")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        proxies.cancel(actor, id);
        return ResponseEntity.noContent().build();
    }
}
