package org.tongban.office.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.cases.ApplicantService;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.cases.PendingMaterialsEntry;
import org.tongban.engine.cases.PendingMaterialsLedger;
import org.tongban.engine.cases.VisitForm;
import org.tongban.engine.cases.VisitStatistics;
import org.tongban.engine.directory.Actor;

/** The office's side of 最多跑一次: trips to the window, the 容缺 ledger, the one-trip share. */
@RestController
@Tag(name = "办件")
class ApplicantController {

    private final ApplicantService applicants;
    private final PendingMaterialsLedger ledger;

    ApplicantController(ApplicantService applicants, PendingMaterialsLedger ledger) {
        this.applicants = applicants;
        this.ledger = ledger;
    }

    @PostMapping("/api/cases/{id}/visits")
    @Operation(summary = "跑动登记：申请人到窗口一次（APPLY 申请、SUPPLEMENT 补正、COLLECT 领证、ENQUIRY 咨询、OTHER 其他）")
    CaseView visit(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody VisitForm form) {
        return applicants.recordVisit(actor, id, form);
    }

    @GetMapping("/api/cases/pending-materials")
    @Operation(summary = "容缺台账：容缺受理的办件、缺少的材料、补齐期限、是否逾期和升级")
    List<PendingMaterialsEntry> pendingMaterials(@AuthenticationPrincipal Actor actor) {
        return ledger.ledger(actor);
    }

    @GetMapping("/api/supervision/visit-statistics")
    @Operation(summary = "最多跑一次统计：期间内办结的办件中跑动不超过一次的占比")
    VisitStatistics visitStatistics(@AuthenticationPrincipal Actor actor,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return applicants.visitStatistics(actor, from, to);
    }
}
