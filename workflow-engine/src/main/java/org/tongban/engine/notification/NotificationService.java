package org.tongban.engine.notification;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.notification.persistence.NotificationMapper;
import org.tongban.engine.notification.persistence.NotificationRow;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.platform.InvalidInputException;

/** Sends system notices (stored, then announced) and lists a person's notices. */
@Service
public class NotificationService {

    private static final int MAX_PAGE_SIZE = 100;

    private final NotificationMapper mapper;
    private final ApplicationEventPublisher events;
    private final EngineClock clock;

    public NotificationService(NotificationMapper mapper, ApplicationEventPublisher events, EngineClock clock) {
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    /** A notice to everyone holding {@code group} ({@code department:role}), e.g. a department's leaders. */
    @Transactional
    public Notification toGroup(String group, NotificationKind kind, String title, String body, String subjectType,
                                Long subjectId) {
        return send(null, group, kind, title, body, subjectType, subjectId);
    }

    /** A notice to one person. */
    @Transactional
    public Notification toUser(String username, NotificationKind kind, String title, String body, String subjectType,
                               Long subjectId) {
        return send(username, null, kind, title, body, subjectType, subjectId);
    }

    /** The actor's notices, to them or to one of their groups, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(Actor actor, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        return mapper.findFor(actor.username(), List.copyOf(actor.groups()), size, page * size).stream()
                .map(NotificationService::view).toList();
    }

    private Notification send(String user, String group, NotificationKind kind, String title, String body,
                              String subjectType, Long subjectId) {
        NotificationRow row = new NotificationRow();
        row.recipientUser = user;
        row.recipientGroup = group;
        row.kind = kind.name();
        row.title = title;
        row.body = body;
        row.subjectType = subjectType;
        row.subjectId = subjectId;
        row.createdAt = clock.now();
        mapper.insert(row);
        Notification notification = view(row);
        events.publishEvent(new NotificationCreated(notification));
        return notification;
    }

    private static Notification view(NotificationRow row) {
        return new Notification(row.id, row.recipientUser, row.recipientGroup, NotificationKind.valueOf(row.kind),
                row.title, row.body, row.subjectType, row.subjectId, row.createdAt);
    }
}
