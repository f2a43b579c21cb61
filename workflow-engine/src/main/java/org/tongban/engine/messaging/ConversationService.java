package org.tongban.engine.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.messaging.persistence.ConversationRow;
import org.tongban.engine.messaging.persistence.MemberRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;
import org.tongban.engine.platform.Chunks;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Conversations: my list with unread counts, one conversation, starting a direct one, creating a group and adding
 * people to it, and — for the engine itself — the case group that people join as a case reaches them.
 */
@Service
public class ConversationService {

    /** Most conversations listed at once (newest activity first). */
    public static final int LIST_LIMIT = 200;
    /** Most members a group may have. */
    public static final int MAX_GROUP_MEMBERS = 500;

    private final MessagingMapper mapper;
    private final Membership membership;
    private final MessageViews views;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ConversationService(MessagingMapper mapper, Membership membership, MessageViews views,
                               DirectoryService directory, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.membership = membership;
        this.views = views;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The actor's conversations, most recent activity first, each with its unread count and last message. */
    @Transactional(readOnly = true)
    public List<ConversationView> mine(Actor actor) {
        return views(actor, mapper.findConversationsOf(actor.username(), LIST_LIMIT));
    }

    /** One conversation of the actor's. */
    @Transactional(readOnly = true)
    public ConversationView get(Actor actor, long conversationId) {
        MemberRow me = membership.require(actor, conversationId);
        ConversationRow row = mapper.findConversation(conversationId);
        row.lastReadId = me.lastReadId();
        row.unreadCount = mapper.countUnread(conversationId, actor.username(), me.lastReadId());
        return views(actor, List.of(row)).get(0);
    }

    /** 发起单聊: the actor's direct conversation with {@code username}, created on first use. */
    @Transactional
    public ConversationView startDirect(Actor actor, String username) {
        if (username == null || username.equals(actor.username()) || directory.findActor(username).isEmpty()) {
            throw new InvalidInputException("请选择通讯录中的另一个人", Map.of("username", "不存在、已停用或是自己"));
        }
        String key = actor.username().compareTo(username) < 0 ? actor.username() + "|" + username
                : username + "|" + actor.username();
        ConversationRow row = mapper.findByDirectKey(key);
        if (row == null) {
            row = newConversation(ConversationKind.DIRECT, null, key, null, null, actor.username());
            try {
                mapper.insertConversation(row);
            } catch (DuplicateKeyException raced) {
                // the other person started it at the same moment: theirs is ours
                return get(actor, mapper.findByDirectKey(key).id);
            }
            addMembers(row.id, List.of(actor.username(), username));
        }
        return get(actor, row.id);
    }

    /** 创建群聊: the actor and the named people. */
    @Transactional
    public ConversationView createGroup(Actor actor, GroupForm form) {
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > 64) {
            throw new InvalidInputException("群名称必填，至多 64 字", Map.of("title", "1 到 64 字"));
        }
        Set<String> people = new LinkedHashSet<>();
        people.add(actor.username());
        people.addAll(existing(form.members()));
        if (people.size() < 2 || people.size() > MAX_GROUP_MEMBERS) {
            throw new InvalidInputException("群成员须为 2 到 " + MAX_GROUP_MEMBERS + " 人",
                    Map.of("members", "至少再选一人，至多 " + (MAX_GROUP_MEMBERS - 1) + " 人"));
        }
        ConversationRow row = newConversation(ConversationKind.GROUP, title, null, null, null, actor.username());
        mapper.insertConversation(row);
        addMembers(row.id, people);
        return get(actor, row.id);
    }

    /** 邀请: a member of a group adds people; those already in it are left as they are. */
    @Transactional
    public ConversationView invite(Actor actor, long conversationId, List<String> usernames) {
        ConversationRow row = membership.conversation(actor, conversationId);
        if (row.kind != ConversationKind.GROUP) {
            throw new ForbiddenException("只有群聊可以邀请成员");
        }
        Set<String> current = mapper.findMembers(conversationId).stream().map(MemberRow::username)
                .collect(Collectors.toSet());
        List<String> added = existing(usernames).stream().filter(u -> !current.contains(u)).toList();
        if (current.size() + added.size() > MAX_GROUP_MEMBERS) {
            throw new InvalidInputException("群成员至多 " + MAX_GROUP_MEMBERS + " 人", Map.of("members", "人数过多"));
        }
        addMembers(conversationId, added);
        return get(actor, conversationId);
    }

    /**
     * The case group of a process subject (a case), created on first use, with {@code usernames} as members from
     * now on; people already in it stay as they are. Called by the engine when a case reaches people, not on
     * behalf of a person. Joining members see the whole history.
     *
     * @return the conversation's id
     */
    @Transactional
    public long joinCaseConversation(String subjectType, String subjectKey, String title, Collection<String> usernames) {
        ConversationRow row = mapper.findBySubject(subjectType, subjectKey);
        if (row == null) {
            row = newConversation(ConversationKind.CASE, title == null ? null
                    : title.length() > 128 ? title.substring(0, 127) + "…" : title, null, subjectType, subjectKey, null);
            try {
                mapper.insertConversation(row);
            } catch (DuplicateKeyException raced) {
                row = mapper.findBySubject(subjectType, subjectKey); // another node created it a moment ago
            }
        }
        long id = row.id;
        Set<String> current = mapper.findMembers(id).stream().map(MemberRow::username).collect(Collectors.toSet());
        // only the newcomers are looked up: every task of a case announces its people, most of them members already
        addMembers(id, existing(usernames.stream().filter(u -> !current.contains(u)).toList()));
        return id;
    }

    private ConversationRow newConversation(ConversationKind kind, String title, String directKey, String subjectType,
                                            String subjectKey, String createdBy) {
        ConversationRow row = new ConversationRow();
        row.kind = kind;
        row.title = title;
        row.directKey = directKey;
        row.subjectType = subjectType;
        row.subjectKey = subjectKey;
        row.createdBy = createdBy;
        row.createdAt = clock.instant();
        return row;
    }

    private void addMembers(long conversationId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<MemberRow> rows = usernames.stream().map(u -> new MemberRow(conversationId, u, now, 0, null)).toList();
        List<String> added = new ArrayList<>();
        for (List<MemberRow> chunk : Chunks.of(rows, Chunks.INSERT_ROWS)) {
            try {
                // one statement for a department reached by a case; MySQL and H2 undo only the failed statement
                mapper.insertMembers(chunk);
                chunk.forEach(row -> added.add(row.username()));
            } catch (DuplicateKeyException raced) {
                chunk.forEach(row -> insertUnlessMember(row, added));
            }
        }
        if (!added.isEmpty()) {
            events.publishEvent(new MembersJoined(conversationId, added));
        }
    }

    private void insertUnlessMember(MemberRow row, List<String> added) {
        try {
            mapper.insertMember(row);
            added.add(row.username());
        } catch (DuplicateKeyException already) {
            // joined a moment ago through another path (another node, another task of the same case)
        }
    }

    /** The enabled people among {@code usernames}; an unknown or disabled one is bad input. */
    private List<String> existing(Collection<String> usernames) {
        Set<String> wanted = new LinkedHashSet<>(usernames == null ? List.of() : usernames);
        Map<String, String> names = directory.displayNames(wanted);
        List<String> unknown = wanted.stream().filter(u -> !names.containsKey(u)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("通讯录中没有这些人：" + String.join("、", unknown),
                    Map.of("members", "不存在：" + String.join(",", unknown)));
        }
        return List.copyOf(wanted);
    }

    private List<ConversationView> views(Actor actor, List<ConversationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MemberRow>> members = mapper.findMembersOf(rows.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(MemberRow::conversationId));
        List<Long> lastIds = rows.stream().map(r -> r.lastMessageId).filter(id -> id != null).toList();
        Map<Long, MessageView> last = lastIds.isEmpty() ? Map.of()
                : views.views(mapper.findMessagesByIds(lastIds), members).stream()
                        .collect(Collectors.toMap(MessageView::id, Function.identity()));
        Map<String, String> names = views.names(members.values().stream().flatMap(List::stream)
                .map(MemberRow::username).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            List<Member> people = members.getOrDefault(r.id, List.of()).stream()
                    .map(m -> new Member(m.username(), names.getOrDefault(m.username(), m.username()))).toList();
            String title = r.kind == ConversationKind.DIRECT
                    ? people.stream().filter(p -> !p.username().equals(actor.username())).map(Member::displayName)
                            .findFirst().orElse(r.title)
                    : r.title;
            return new ConversationView(r.id, r.kind, title, r.subjectType, r.subjectKey, people, r.unreadCount,
                    r.lastMessageId == null ? null : last.get(r.lastMessageId), r.createdAt);
        }).toList();
    }
}
