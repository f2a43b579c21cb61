package org.tongban.office.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.notification.Notification;
import org.tongban.engine.notification.NotificationService;

/** 通知: the current user's system notices. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "通知")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "我的通知（发给本人或本人所在部门岗位），新的在前：预警、逾期、督办升级、催办、交办")
    List<Notification> mine(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        return notifications.mine(actor, page, size);
    }
}
