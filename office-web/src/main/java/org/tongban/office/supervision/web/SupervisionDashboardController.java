package org.tongban.office.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.calendar.TrafficLight;
import org.tongban.engine.deadline.BoardPage;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.StatisticsGrouping;
import org.tongban.engine.deadline.StatisticsRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.supervision.DashboardFilter;
import org.tongban.engine.supervision.SupervisionDashboard;

/** 督办看板: open time limits with lights, statistics, CSV exports. */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "督办看板")
class SupervisionDashboardController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SupervisionDashboard dashboard;

    SupervisionDashboardController(SupervisionDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping(value = "/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "在办时限一览（红黄绿灯、逾期风险），可按类型、机关、部门、来源、灯、截止日期筛选")
    BoardPage dashboard(@AuthenticationPrincipal Actor actor,
                        @RequestParam(required = false) Set<DeadlineKind> kind,
                        @RequestParam(required = false) String agency,
                        @RequestParam(required = false) String department,
                        @RequestParam(required = false) String source,
                        @RequestParam(required = false) TrafficLight light,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return dashboard.items(actor, new DashboardFilter(kind, agency, department, source, light, dueFrom, dueTo),
                page, size);
    }

    @GetMapping(value = "/dashboard.csv", produces = "text/csv")
    @Operation(summary = "在办时限一览导出 CSV（UTF-8 带 BOM，Excel 可直接打开）")
    ResponseEntity<byte[]> dashboardCsv(@AuthenticationPrincipal Actor actor,
                                        @RequestParam(required = false) Set<DeadlineKind> kind,
                                        @RequestParam(required = false) String agency,
                                        @RequestParam(required = false) String department,
                                        @RequestParam(required = false) String source,
                                        @RequestParam(required = false) TrafficLight light,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate dueFrom,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate dueTo) {
        return csv("督办看板.csv", dashboard.itemsCsv(actor,
                new DashboardFilter(kind, agency, department, source, light, dueFrom, dueTo)));
    }

    @GetMapping(value = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "统计：按机关、部门或环节的按期办结率、逾期数、平均与 P90 用时（工作小时）")
    List<StatisticsRow> statistics(@AuthenticationPrincipal Actor actor,
                                   @RequestParam(defaultValue = "DEPARTMENT") StatisticsGrouping by,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate to,
                                   @RequestParam(required = false) Set<DeadlineKind> kind,
                                   @RequestParam(required = false) String agency,
                                   @RequestParam(required = false) String department) {
        return dashboard.statistics(actor, by, from, to, kind, agency, department);
    }

    @GetMapping(value = "/statistics.csv", produces = "text/csv")
    @Operation(summary = "统计导出 CSV（UTF-8 带 BOM）")
    ResponseEntity<byte[]> statisticsCsv(@AuthenticationPrincipal Actor actor,
                                         @RequestParam(defaultValue = "DEPARTMENT") StatisticsGrouping by,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate to,
                                         @RequestParam(required = false) Set<DeadlineKind> kind,
                                         @RequestParam(required = false) String agency,
                                         @RequestParam(required = false) String department) {
        return csv("督办统计.csv", dashboard.statisticsCsv(actor, by, from, to, kind, agency, department));
    }

    private static ResponseEntity<byte[]> csv(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
