package org.tongban.office.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.audit.AuditPage;
import org.tongban.engine.audit.AuditQuery;
import org.tongban.engine.audit.AuditTrail;
import org.tongban.engine.audit.AuditVerification;
import org.tongban.engine.directory.Actor;

/** 审计日志: auditors (and admins) query the trail and prove its hash chain. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/records")
    @Operation(summary = "按用户、对象、时间段查询审计记录（新的在前）")
    AuditPage records(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String user,
                      @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return trail.query(actor, new AuditQuery(user, objectType, objectId, from, to, page, size));
    }

    @GetMapping("/verification")
    @Operation(summary = "校验审计链（SM3 哈希链）：完好，或指出第一条被改动/缺失的记录")
    AuditVerification verify(@AuthenticationPrincipal Actor actor) {
        return trail.verify(actor);
    }
}
