package org.tongban.office.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.cases.ApplicantService;
import org.tongban.engine.cases.CaseStatusQuery;
import org.tongban.engine.cases.PublicCaseStatus;
import org.tongban.engine.cases.RatingForm;

/**
 * The applicant's endpoints, without login: the case status by case number and verification code, and 好差评.
 * POST with a body, so the code never appears in a URL (access logs, browser history, Referer). Rate-limited per
 * client address and per case number; an unknown case and a wrong code both answer 404.
 */
@RestController
@RequestMapping("/api/public")
@Tag(name = "申请人（免登录）")
class PublicCaseController {

    private final ApplicantService applicants;
    private final PublicRateLimiter limiter;

    PublicCaseController(ApplicantService applicants, PublicRateLimiter limiter) {
        this.applicants = applicants;
        this.limiter = limiter;
    }

    @PostMapping("/case-status")
    @Operation(summary = "办件进度查询：凭办件编号和查询码，返回状态、当前环节、下一步和承诺期限（不含个人信息）")
    ResponseEntity<PublicCaseStatus> status(HttpServletRequest request, @RequestBody(required = false) CaseStatusQuery query) {
        limiter.acquire(request.getRemoteAddr(), query == null ? null : query.caseNumber());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(applicants.status(query));
    }

    @PostMapping("/case-rating")
    @Operation(summary = "好差评：办结后凭办件编号和查询码评价 1–5 分；差评追溯到环节和部门并生成整改督办")
    ResponseEntity<PublicCaseStatus> rate(HttpServletRequest request, @RequestBody(required = false) RatingForm form) {
        limiter.acquire(request.getRemoteAddr(), form == null ? null : form.caseNumber());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(applicants.rate(form));
    }
}
