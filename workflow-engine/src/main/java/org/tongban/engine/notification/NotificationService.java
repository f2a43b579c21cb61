package org.tongban.engine.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.AddressBook;
import org.tongban.engine.notification.persistence.NotificationMapper;
import org.tongban.engine.notification.persistence.NotificationRow;
import org.tongban.engine.platform.Chunks;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * The notification centre. {@link #notify} is the one call features make; reading and marking read is for the
 * recipient only (another person's notice does not exist for them).
 */
@Service
public class NotificationService {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TITLE = 256;
    private static final int MAX_BODY = 2000;
    private static final int MAX_LINK = 512;
    /** Most stored notices handed over at one connection; older ones stay in the centre. */
    private static final int MAX_PENDING = 100;

    private final NotificationMapper mapper;
    private final AddressBook addressBook;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public NotificationService(NotificationMapper mapper, AddressBook addressBook, ApplicationEventPublisher events,
                               Clock clock) {
        this.mapper = mapper;
        this.addressBook = addressBook;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes one notice per recipient (groups expanded through the directory, everyone once) in the caller's
     * transaction, or a new one; they are pushed to online recipients after commit.
     *
     * @param to    people and/or groups ({@code DEPARTMENT:role} or {@code DEPARTMENT})
     * @param type  what it is about
     * @param title the text people see, e.g. 「开办餐饮店 — 杭州知味小馆」承办
     * @param link  where it leads in the application, e.g. {@code /tasks/42}; may be null
     * @return the notices written, by recipient
     */
    @Transactional
    public List<NotificationsCreated.Delivery> notify(Recipients to, NotificationType type, String title, String link) {
        return notify(to, type, title, null, link, null, null);
    }

    /**
     * As {@link #notify(Recipients, NotificationType, String, String)}, with optional detail text and the object the
     * notice is about ({@code subjectType} CASE, SUPERVISION_ITEM …; both null or both set).
     */
    @Transactional
    public List<NotificationsCreated.Delivery> notify(Recipients to, NotificationType type, String title, String body,
                                                      String link, String subjectType, Long subjectId) {
        if (to == null || type == null || title == null || title.isBlank()) {
            throw new InvalidInputException("通知缺少接收人、类型或标题");
        }
        // Who gets it, and through which group (null: addressed to the person); a person addressed directly and
        // through a group gets one copy.
        Map<String, String> people = new TreeMap<>();
        to.groups().stream().sorted()
                .forEach(g -> addressBook.members(g).forEach(member -> people.putIfAbsent(member, g)));
        to.usernames().forEach(u -> people.put(u, null));
        Instant now = clock.instant();
        List<NotificationRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> person : people.entrySet()) {
            NotificationRow row = new NotificationRow();
            row.recipientUser = person.getKey();
            row.recipientGroup = person.getValue();
            row.kind = type;
            row.title = cut(title, MAX_TITLE);
            row.body = body == null ? null : cut(body, MAX_BODY);
            row.link = link == null || link.length() <= MAX_LINK ? link : null;
            row.subjectType = subjectType;
            row.subjectId = subjectId;
            row.createdAt = now;
            rows.add(row);
        }
        List<NotificationsCreated.Delivery> deliveries = new ArrayList<>();
        for (List<NotificationRow> chunk : Chunks.of(rows, Chunks.INSERT_ROWS)) {
            mapper.insertAll(chunk);
            chunk.forEach(row -> deliveries.add(new NotificationsCreated.Delivery(row.recipientUser, view(row))));
        }
        if (!deliveries.isEmpty()) {
            events.publishEvent(new NotificationsCreated(deliveries));
        }
        return deliveries;
    }

    /**
     * A notice to everyone holding {@code group} ({@code department:role}), e.g. a department's leaders: the
     * shorthand the deadline and supervision code uses. Notices about a case link to it.
     */
    @Transactional
    public List<NotificationsCreated.Delivery> toGroup(String group, NotificationType type, String title, String body,
                                                       String subjectType, Long subjectId) {
        return notify(Recipients.group(group), type, title, body, linkTo(subjectType, subjectId), subjectType,
                subjectId);
    }

    /** A notice to one person; see {@link #toGroup}. */
    @Transactional
    public List<NotificationsCreated.Delivery> toUser(String username, NotificationType type, String title,
                                                      String body, String subjectType, Long subjectId) {
        return notify(Recipients.users(username), type, title, body, linkTo(subjectType, subjectId), subjectType,
                subjectId);
    }

    /** The actor's notices, newest first; {@code unreadOnly} for the unread ones. */
    @Transactional(readOnly = true)
    public NotificationPage list(Actor actor, boolean unreadOnly, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        List<NotificationView> items = mapper.findPage(actor.username(), unreadOnly, page * size, size).stream()
                .map(NotificationService::view).toList();
        return new NotificationPage(items, mapper.count(actor.username(), unreadOnly),
                mapper.count(actor.username(), true), page, size);
    }

    @Transactional(readOnly = true)
    public long unreadCount(Actor actor) {
        return mapper.count(actor.username(), true);
    }

    /** Marks one of the actor's notices read; someone else's is not found. */
    @Transactional
    public void markRead(Actor actor, long id) {
        NotificationRow row = mapper.find(id);
        if (row == null || !row.recipientUser.equals(actor.username())) {
            throw new NotFoundException("通知不存在：" + id);
        }
        mapper.markRead(actor.username(), id, clock.instant());
    }

    /** Marks all the actor's notices read; returns how many were unread. */
    @Transactional
    public int markAllRead(Actor actor) {
        return mapper.markAllRead(actor.username(), clock.instant());
    }

    /**
     * The actor's notices not yet delivered to any session, oldest first, now marked delivered: what a person who
     * was offline gets when they connect.
     */
    @Transactional
    public List<NotificationView> takeUndelivered(Actor actor) {
        List<NotificationRow> rows = mapper.findUndelivered(actor.username(), MAX_PENDING);
        if (!rows.isEmpty()) {
            mapper.markDelivered(rows.stream().map(r -> r.id).toList(), clock.instant());
        }
        return rows.stream().map(NotificationService::view).toList();
    }

    /**
     * Records that these notices reached an open session. Runs in a transaction of its own: it is called after the
     * commit of the transaction that wrote them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markDelivered(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            mapper.markDelivered(ids, clock.instant());
        }
    }

    private static NotificationView view(NotificationRow row) {
        return new NotificationView(row.id, row.kind, row.title, row.body, row.link, row.subjectType, row.subjectId,
                row.createdAt, row.readAt);
    }

    /** The web UI's page for the subject, where there is one. */
    private static String linkTo(String subjectType, Long subjectId) {
        return "CASE".equals(subjectType) && subjectId != null ? "/cases/" + subjectId : null;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
