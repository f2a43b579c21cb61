package org.tongban.office.messaging.web;

import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import org.tongban.engine.audit.AuditEntry;
import org.tongban.engine.audit.AuditResult;
import org.tongban.engine.audit.AuditTrail;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.messaging.MessageForm;
import org.tongban.engine.messaging.MessageService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.PlatformException;
import org.tongban.office.security.StompAuthentication;

/**
 * Posting and reading over STOMP: SEND to {@code /app/conversations/{id}/messages} (a {@link MessageForm}) or
 * {@code /app/conversations/{id}/read} ({@code {upToMessageId}}). The result reaches the members through their
 * queues; a refusal (not a member, bad input) comes back to the sender's session on {@code /user/queue/errors} as a
 * problem detail, and nothing is stored. Both are audited like their REST twins.
 */
@Controller
class MessagingStompController {

    private static final Logger log = LoggerFactory.getLogger(MessagingStompController.class);

    private final MessageService messages;
    private final AuditTrail audit;

    MessagingStompController(MessageService messages, AuditTrail audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @MessageMapping("/conversations/{id}/messages")
    void post(@DestinationVariable long id, @Payload MessageForm form, Principal principal) {
        Actor actor = StompAuthentication.actor(principal);
        audited(actor, "STOMP /app/conversations/{id}/messages", id, () -> messages.post(actor, id, form));
    }

    @MessageMapping("/conversations/{id}/read")
    void read(@DestinationVariable long id, @Payload ConversationController.ReadForm form, Principal principal) {
        Actor actor = StompAuthentication.actor(principal);
        audited(actor, "STOMP /app/conversations/{id}/read", id, () -> messages.markRead(actor, id, form.upToMessageId()));
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ProblemDetail refused(Exception e) {
        if (e instanceof PlatformException platform) {
            HttpStatus status = platform instanceof NotFoundException ? HttpStatus.NOT_FOUND
                    : platform instanceof ForbiddenException ? HttpStatus.FORBIDDEN
                    : platform instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, platform.getMessage());
            if (platform instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()) {
                problem.setProperty("errors", invalid.fieldErrors());
            }
            return problem;
        }
        log.warn("STOMP message failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "消息无法处理");
    }

    private void audited(Actor actor, String action, long conversationId, Runnable work) {
        try {
            work.run();
            audit.record(new AuditEntry(actor.username(), null, action, "conversations", String.valueOf(conversationId),
                    AuditResult.SUCCESS, null, null));
        } catch (RuntimeException e) {
            AuditResult result = e instanceof NotFoundException || e instanceof ForbiddenException
                    ? AuditResult.DENIED : AuditResult.FAILURE;
            audit.record(new AuditEntry(actor.username(), null, action, "conversations", String.valueOf(conversationId),
                    result, null, null));
            throw e;
        }
    }
}
