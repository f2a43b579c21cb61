package org.tongban.engine.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.messaging.persistence.AttachmentRow;
import org.tongban.engine.messaging.persistence.ConversationRow;
import org.tongban.engine.messaging.persistence.MemberRow;
import org.tongban.engine.messaging.persistence.MentionRow;
import org.tongban.engine.messaging.persistence.MessageRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;
import org.tongban.engine.messaging.persistence.UrgentDeliveryRow;
import org.tongban.engine.messaging.persistence.UrgentMapper;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.Recipients;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Messages of a conversation: history, posting (with @mentions, an attachment, must-reach), reading (the member's
 * read position moves forward; senders learn who has read) and the read receipts of a message for its sender.
 */
@Service
public class MessageService {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PAGE_SIZE = 100;

    private final MessagingMapper mapper;
    private final UrgentMapper urgent;
    private final Membership membership;
    private final MessageViews views;
    private final NotificationService notifications;
    private final UrgentMessageSettings urgentSettings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public MessageService(MessagingMapper mapper, UrgentMapper urgent, Membership membership, MessageViews views,
                          NotificationService notifications, UrgentMessageSettings urgentSettings,
                          ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.urgent = urgent;
        this.membership = membership;
        this.views = views;
        this.notifications = notifications;
        this.urgentSettings = urgentSettings;
        this.events = events;
        this.clock = clock;
    }

    /** History, newest first: the {@code size} messages before message {@code before} (or the newest). */
    @Transactional(readOnly = true)
    public MessagePage history(Actor actor, long conversationId, Long before, int size) {
        membership.require(actor, conversationId);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size 须在 1 到 " + MAX_PAGE_SIZE + " 之间", Map.of("size", "1 到 " + MAX_PAGE_SIZE));
        }
        List<MessageRow> rows = mapper.findMessages(conversationId, before, size + 1);
        boolean more = rows.size() > size;
        List<MessageRow> page = more ? rows.subList(0, size) : rows;
        return new MessagePage(views.views(page, mapper.findMembers(conversationId)), more);
    }

    /**
     * 发送: stores the message, notifies the mentioned, starts must-reach deliveries, and announces it to the
     * members (pushed after commit). The sender has read their own message.
     */
    @Transactional
    public MessageView post(Actor actor, long conversationId, MessageForm form) {
        membership.require(actor, conversationId);
        if (form.clientKey() != null) {
            MessageRow earlier = mapper.findByClientKey(conversationId, actor.username(), form.clientKey());
            if (earlier != null) {
                return views.views(List.of(earlier), mapper.findMembers(conversationId)).get(0);
            }
        }
        List<MemberRow> members = mapper.findMembers(conversationId);
        Set<String> memberNames = members.stream().map(MemberRow::username).collect(Collectors.toSet());
        validate(actor, conversationId, form, memberNames);

        MessageRow row = new MessageRow();
        row.conversationId = conversationId;
        row.sender = actor.username();
        row.body = form.text() == null || form.text().isEmpty() ? null : form.text();
        row.attachmentId = form.attachmentId();
        row.urgent = form.urgent();
        row.clientKey = form.clientKey();
        row.sentAt = clock.instant();
        try {
            mapper.insertMessage(row);
        } catch (DuplicateKeyException resent) {
            // the same client key posted twice at once: the first one stands
            return views.views(List.of(mapper.findByClientKey(conversationId, actor.username(), form.clientKey())),
                    members).get(0);
        }
        Set<String> mentions = new LinkedHashSet<>(form.mentions());
        mentions.forEach(u -> mapper.insertMention(new MentionRow(row.id, u)));
        mapper.setLastMessage(conversationId, row.id, row.sentAt);
        mapper.advanceRead(conversationId, actor.username(), row.id, row.sentAt);

        ConversationRow conversation = mapper.findConversation(conversationId);
        String where = conversation.title == null ? "单聊" : "「" + conversation.title + "」";
        String link = "/conversations/" + conversationId + "?message=" + row.id;
        if (!mentions.isEmpty()) {
            notifications.notify(Recipients.users(mentions), NotificationType.MENTIONED,
                    actor.displayName() + "在" + where + "中@了你：" + abbreviate(row.body), link);
        }
        if (form.urgent()) {
            List<String> recipients = (mentions.isEmpty() ? memberNames : mentions).stream()
                    .filter(u -> !u.equals(actor.username())).sorted().toList();
            Instant firstCheck = row.sentAt.plus(urgentSettings.delay());
            recipients.forEach(u -> urgent.insertDelivery(new UrgentDeliveryRow(row.id, u, "PENDING", 0, firstCheck, null)));
            notifications.notify(Recipients.users(recipients), NotificationType.URGENT_MESSAGE,
                    actor.displayName() + "发来必达消息：" + abbreviate(row.body), link);
        }
        List<MemberRow> now = mapper.findMembers(conversationId);
        MessageView view = views.views(List.of(mapper.findMessage(row.id)), now).get(0);
        events.publishEvent(new MessagePosted(view, now.stream().map(MemberRow::username).toList()));
        return view;
    }

    /**
     * 已读: the actor has read the conversation up to {@code upToMessageId}. Moving backwards changes nothing.
     * Senders of the newly read messages are told; must-reach deliveries among them stop escalating.
     */
    @Transactional
    public void markRead(Actor actor, long conversationId, long upToMessageId) {
        MemberRow me = membership.require(actor, conversationId);
        MessageRow message = mapper.findMessage(upToMessageId);
        if (message == null || message.conversationId != conversationId) {
            throw new InvalidInputException("该会话中没有这条消息：" + upToMessageId, Map.of("upToMessageId", "不属于该会话"));
        }
        Instant now = clock.instant();
        if (mapper.advanceRead(conversationId, actor.username(), upToMessageId, now) == 0) {
            return;
        }
        urgent.markRead(conversationId, actor.username(), upToMessageId, now);
        List<String> notify = new ArrayList<>(mapper.findSendersBetween(conversationId, me.lastReadId(), upToMessageId));
        notify.remove(actor.username());
        notify.add(actor.username()); // the reader's other sessions update their unread counts
        events.publishEvent(new MessagesRead(conversationId, actor.username(), actor.displayName(), upToMessageId, now,
                notify));
    }

    /** 已读/未读 of a message, for its sender only. */
    @Transactional(readOnly = true)
    public ReadReceipts receipts(Actor actor, long conversationId, long messageId) {
        membership.require(actor, conversationId);
        MessageRow message = mapper.findMessage(messageId);
        if (message == null || message.conversationId != conversationId) {
            throw new NotFoundException("消息不存在：" + messageId);
        }
        if (!message.sender.equals(actor.username())) {
            throw new ForbiddenException("只有发送人可以查看已读情况");
        }
        List<MemberRow> others = mapper.findMembers(conversationId).stream()
                .filter(m -> !m.username().equals(actor.username())).toList();
        Map<String, String> names = views.names(others.stream().map(MemberRow::username).toList());
        List<ReadReceipts.Reader> read = others.stream().filter(m -> m.lastReadId() >= messageId)
                .map(m -> new ReadReceipts.Reader(m.username(), names.getOrDefault(m.username(), m.username()),
                        m.lastReadAt())).toList();
        List<Member> unread = others.stream().filter(m -> m.lastReadId() < messageId)
                .map(m -> new Member(m.username(), names.getOrDefault(m.username(), m.username()))).toList();
        List<ReadReceipts.Escalation> escalations = urgent.findEscalations(messageId).stream()
                .map(e -> new ReadReceipts.Escalation(e.username(), e.channel(), e.outcome(), e.escalatedAt()))
                .toList();
        return new ReadReceipts(messageId, read, unread, escalations);
    }

    private void validate(Actor actor, long conversationId, MessageForm form, Set<String> members) {
        boolean noText = form.text() == null || form.text().isEmpty();
        if (noText && form.attachmentId() == null) {
            throw new InvalidInputException("消息不能为空", Map.of("text", "请输入内容或添加附件"));
        }
        if (!noText && form.text().length() > MAX_TEXT) {
            throw new InvalidInputException("消息至多 " + MAX_TEXT + " 字", Map.of("text", "至多 " + MAX_TEXT + " 字"));
        }
        if (form.clientKey() != null && (form.clientKey().isBlank() || form.clientKey().length() > 64)) {
            throw new InvalidInputException("clientKey 须为 1 到 64 个字符", Map.of("clientKey", "1 到 64 个字符"));
        }
        List<String> strangers = form.mentions().stream().filter(u -> !members.contains(u)).toList();
        if (!strangers.isEmpty()) {
            throw new InvalidInputException("只能 @ 本会话的成员", Map.of("mentions", "不是成员：" + String.join(",", strangers)));
        }
        if (form.attachmentId() != null) {
            AttachmentRow attachment = mapper.findAttachment(form.attachmentId());
            if (attachment == null || attachment.conversationId != conversationId) {
                throw new InvalidInputException("附件不属于该会话", Map.of("attachmentId", "请先上传到本会话"));
            }
        }
        if (form.urgent() && members.size() < 2) {
            throw new InvalidInputException("会话中没有可以接收必达消息的人", Map.of("urgent", "没有接收人"));
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "[附件]";
        }
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
