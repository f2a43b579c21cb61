package org.tongban.office.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.notification.NotificationPage;
import org.tongban.engine.notification.NotificationService;

/** 通知中心: my notices with the unread count; marking them read. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "通知")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "我的通知（待办、催办、预警、逾期、督办升级、交办、@我、必达…），新的在前；unreadOnly=true 只看未读")
    NotificationPage list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean unreadOnly,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return notifications.list(actor, unreadOnly, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "未读通知数")
    Count unread(@AuthenticationPrincipal Actor actor) {
        return new Count(notifications.unreadCount(actor));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标为已读")
    ResponseEntity<Void> read(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        notifications.markRead(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标为已读")
    Count readAll(@AuthenticationPrincipal Actor actor) {
        return new Count(notifications.markAllRead(actor));
    }

    /** A number of notices. */
    record Count(long count) {
    }
}
