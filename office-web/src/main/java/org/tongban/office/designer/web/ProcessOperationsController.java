package org.tongban.office.designer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.designer.IncidentView;
import org.tongban.engine.designer.MigrationBatch;
import org.tongban.engine.designer.MigrationForm;
import org.tongban.engine.designer.MigrationPlanView;
import org.tongban.engine.designer.MigrationPreview;
import org.tongban.engine.designer.ProcessHeatmap;
import org.tongban.engine.designer.ProcessMigrationService;
import org.tongban.engine.designer.ProcessMonitoringService;
import org.tongban.engine.designer.RetryResult;
import org.tongban.engine.directory.Actor;

/** 流程运维: migration of running cases between versions, the heatmap of a version, incidents and retry. */
@RestController
@RequestMapping("/api/designer")
@Tag(name = "流程运维")
class ProcessOperationsController {

    private final ProcessMigrationService migration;
    private final ProcessMonitoringService monitoring;

    ProcessOperationsController(ProcessMigrationService migration, ProcessMonitoringService monitoring) {
        this.migration = migration;
        this.monitoring = monitoring;
    }

    @PostMapping("/migrations/plan")
    @Operation(summary = "生成迁移计划（相同步骤自动对应，可追加对应关系）及其校验错误")
    MigrationPlanView plan(@AuthenticationPrincipal Actor actor, @RequestBody MigrationForm form) {
        return migration.plan(actor, form);
    }

    @PostMapping("/migrations/preview")
    @Operation(summary = "预览：哪些办件、其当前步骤迁到新版本的哪一步")
    MigrationPreview preview(@AuthenticationPrincipal Actor actor, @RequestBody MigrationForm form) {
        return migration.preview(actor, form);
    }

    @PostMapping("/migrations")
    @Operation(summary = "执行迁移：async=true 为批处理（查进度），否则立即迁移；计划有错误时 400，不迁移")
    ResponseEntity<MigrationBatch> migrate(@AuthenticationPrincipal Actor actor, @RequestBody MigrationForm form) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migration.migrate(actor, form));
    }

    @GetMapping("/migrations/{batchId}")
    @Operation(summary = "迁移批处理的进度")
    MigrationBatch batch(@AuthenticationPrincipal Actor actor, @PathVariable String batchId) {
        return migration.batch(actor, batchId);
    }

    @GetMapping("/definitions/{definitionId}/heatmap")
    @Operation(summary = "某版本各步骤运行中的办件数、故障数、平均耗时（热力图）")
    ProcessHeatmap heatmap(@AuthenticationPrincipal Actor actor, @PathVariable String definitionId) {
        return monitoring.heatmap(actor, definitionId);
    }

    @GetMapping("/incidents")
    @Operation(summary = "未解决的故障（失败的作业）：错误、步骤、所属办件")
    List<IncidentView> incidents(@AuthenticationPrincipal Actor actor,
                                 @RequestParam(required = false) String definitionId) {
        return monitoring.incidents(actor, definitionId);
    }

    @PostMapping("/incidents/{incidentId}/retry")
    @Operation(summary = "重试故障作业：再给一次重试机会并立即执行")
    RetryResult retry(@AuthenticationPrincipal Actor actor, @PathVariable String incidentId) {
        return monitoring.retry(actor, incidentId);
    }
}
