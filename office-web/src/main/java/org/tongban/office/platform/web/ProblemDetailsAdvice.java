package org.tongban.office.platform.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.engine.identity.LoginFailedException;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.PlatformException;
import org.tongban.engine.platform.TooManyRequestsException;
import org.tongban.engine.platform.UnavailableException;

/**
 * Every failure of the API as an RFC 9457 problem detail with a plain-Chinese {@code detail}; Spring MVC's own
 * failures (unreadable JSON, wrong method, missing parameter) come through the base class in the same form.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://tongban.org/problems/";

    /** 429 with Retry-After (seconds), e.g. a second 催办 within the hour. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "too-many-requests"));
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem);
    }

    @ExceptionHandler(PlatformException.class)
    ProblemDetail platform(PlatformException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ForbiddenException ? HttpStatus.FORBIDDEN
                : e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof LoginFailedException ? HttpStatus.UNAUTHORIZED
                : e instanceof UnavailableException ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + status.name().toLowerCase().replace('_', '-')));
        if (e instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()) {
            problem.setProperty("errors", invalid.fieldErrors());
        }
        return problem;
    }

    /** A race lost at commit time, after the service's own translation. */
    @ExceptionHandler({ConcurrencyFailureException.class, DuplicateKeyException.class})
    ProblemDetail conflict(RuntimeException e) {
        log.debug("Concurrent update", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "数据刚被他人修改，请刷新后重试");
        problem.setType(URI.create(TYPE_BASE + "conflict"));
        return problem;
    }
}
