package org.tongban.engine.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.Principals;
import org.tongban.engine.approval.internal.TaskViews;
import org.tongban.engine.approval.persistence.AccessRow;
import org.tongban.engine.approval.persistence.ActionRow;
import org.tongban.engine.approval.persistence.CopyMapper;
import org.tongban.engine.approval.persistence.CopyRow;
import org.tongban.engine.approval.persistence.ItemKey;
import org.tongban.engine.approval.persistence.ListFilter;
import org.tongban.engine.approval.persistence.SubjectRow;
import org.tongban.engine.approval.persistence.TodoRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;

/**
 * 工作台: the four lists — 待办 todo, 已办 done, 我发起的 started, 抄送我的 copied — with filters, order, pages and
 * counts. Read from the platform's own indexed tables (the todo read model, the action log, subjects, copies),
 * never from the engine's task query; see the README for the indexes and their query plans.
 *
 * <p>Due soon means due within {@code tongban.approval.due-soon} (an ISO duration, default P1D) from now.
 */
@Service
@Transactional(readOnly = true)
public class WorkbenchService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    private final WorkItemMapper items;
    private final CopyMapper copies;
    private final TaskViews views;
    private final DirectoryService directory;
    private final Clock clock;
    private final Duration dueSoon;

    public WorkbenchService(WorkItemMapper items, CopyMapper copies, TaskViews views, DirectoryService directory,
                            Clock clock, @Value("${tongban.approval.due-soon:P1D}") Duration dueSoon) {
        this.items = items;
        this.copies = copies;
        this.views = views;
        this.directory = directory;
        this.clock = clock;
        this.dueSoon = dueSoon;
    }

    /** 待办: assigned to the actor, offered to their groups, delegated by them (while away), or proxied to them. */
    public TaskPage todo(Actor actor, WorkbenchQuery query) {
        ListFilter filter = filter(actor, query, Kind.TODO);
        List<String> ids = items.todoPage(filter).stream().map(ItemKey::taskId).toList();
        long total = items.todoCount(filter);
        if (ids.isEmpty()) {
            return new TaskPage(List.of(), total, page(query), filter.limit());
        }
        Map<String, TodoRow> rows = items.findTodoRows(ids).stream()
                .collect(Collectors.toMap(TodoRow::taskId, Function.identity()));
        Map<String, String> proxied = items.findProxyAccess(ids, Principals.proxy(actor.username())).stream()
                .filter(a -> !actor.username().equals(rows.get(a.taskId()).assignee()))
                .collect(Collectors.toMap(AccessRow::taskId, AccessRow::onBehalfOf, (a, b) -> a));
        List<TodoRow> ordered = ids.stream().map(rows::get).filter(Objects::nonNull).toList();
        return new TaskPage(views.of(ordered, proxied), total, page(query), filter.limit());
    }

    /** 已办: the actor's completions, transfers, send-backs and returned delegations, newest first. */
    public ListPage<DoneItem> done(Actor actor, WorkbenchQuery query) {
        ListFilter filter = filter(actor, query, Kind.DONE);
        List<DoneItem> done = items.donePage(filter).stream().map(WorkbenchService::doneItem).toList();
        return new ListPage<>(done, items.doneCount(filter), page(query), filter.limit());
    }

    /** 我发起的: process instances the actor started. */
    public ListPage<StartedItem> started(Actor actor, WorkbenchQuery query) {
        ListFilter filter = filter(actor, query, Kind.STARTED);
        List<StartedItem> started = items.startedPage(filter).stream()
                .map(s -> new StartedItem(s.processInstanceId(), s.processKey(), s.processName(), subject(s),
                        s.startedAt(), s.endedAt()))
                .toList();
        return new ListPage<>(started, items.startedCount(filter), page(query), filter.limit());
    }

    /** 抄送我的: what was copied to the actor; {@code unread=true} for the unread ones only. */
    public ListPage<CopyView> copied(Actor actor, WorkbenchQuery query) {
        ListFilter filter = filter(actor, query, Kind.COPIED);
        List<CopyRow> rows = copies.copiedPage(filter);
        Map<String, String> names = directory.displayNames(rows.stream().map(CopyRow::sentBy).collect(Collectors.toSet()));
        List<CopyView> copied = rows.stream().map(c -> copyView(c, names)).toList();
        return new ListPage<>(copied, copies.copiedCount(filter), page(query), filter.limit());
    }

    /** The size of every list. */
    public WorkbenchCounts counts(Actor actor) {
        Instant now = clock.instant();
        ListFilter all = filter(actor, WorkbenchQuery.defaults(), Kind.TODO);
        ListFilter soon = withDue(all, now, now.plus(dueSoon));
        ListFilter overdue = withDue(all, null, now);
        ListFilter unread = new ListFilter(all.username(), all.principals(), all.today(), null, null, null, null, true,
                false, false, 1, 0);
        return new WorkbenchCounts(items.todoCount(all), items.todoCount(soon), items.todoCount(overdue),
                items.doneCount(all), items.startedCount(all), copies.copiedCount(all), copies.copiedCount(unread));
    }

    static CopyView copyView(CopyRow c, Map<String, String> names) {
        return new CopyView(c.id(), c.processInstanceId(), c.processKey(), c.processName(),
                subject(c.subjectId(), c.subjectNumber(), c.title()), c.taskId(), c.activityName(), c.sentBy(),
                names.getOrDefault(c.sentBy(), c.sentBy()), c.note(), c.createdAt(), c.readAt(), c.readAt() != null);
    }

    private static DoneItem doneItem(ActionRow a) {
        return new DoneItem(a.taskId(), a.taskName(), a.activityId(), a.processKey(), a.processInstanceId(),
                subject(a.subjectId(), a.subjectNumber(), a.title()), Operation.valueOf(a.action()), a.decision(),
                a.opinion(), a.onBehalfOf(), a.occurredAt(), a.endedAt() != null);
    }

    private static Subject subject(SubjectRow s) {
        return subject(s.subjectId(), s.subjectNumber(), s.title());
    }

    private static Subject subject(Long id, String number, String title) {
        return title == null ? null : new Subject(id == null ? 0 : id, number, title);
    }

    private enum Kind { TODO, DONE, STARTED, COPIED }

    private ListFilter filter(Actor actor, WorkbenchQuery query, Kind list) {
        Map<String, String> errors = new LinkedHashMap<>();
        int page = page(query);
        int size = query.size() == null ? DEFAULT_SIZE : query.size();
        if (page < 0) {
            errors.put("page", "从 0 开始");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "在 1 到 " + MAX_SIZE + " 之间");
        }
        String sort = query.sort() == null ? "createdAt" : query.sort();
        if (!sort.equals("createdAt") && !(sort.equals("dueAt") && list == Kind.TODO)) {
            errors.put("sort", list == Kind.TODO ? "必须是 createdAt 或 dueAt" : "必须是 createdAt");
        }
        String direction = query.direction() == null ? "desc" : query.direction();
        if (!direction.equals("asc") && !direction.equals("desc")) {
            errors.put("direction", "必须是 asc 或 desc");
        }
        if (query.due() != null && (list != Kind.TODO || !Set.of("SOON", "OVERDUE").contains(query.due()))) {
            errors.put("due", list == Kind.TODO ? "必须是 SOON 或 OVERDUE" : "只有待办可以按期限筛选");
        }
        if (query.unread() != null && list != Kind.COPIED) {
            errors.put("unread", "只有抄送我的可以按已读筛选");
        }
        Stream.of(query.processKey(), query.matterCode()).filter(s -> s != null && s.length() > 128).findAny()
                .ifPresent(s -> errors.put("processKey", "过长"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("查询参数有误", errors);
        }
        Instant now = clock.instant();
        Instant dueFrom = "SOON".equals(query.due()) ? now : null;
        Instant dueBefore = "SOON".equals(query.due()) ? now.plus(dueSoon) : "OVERDUE".equals(query.due()) ? now : null;
        return new ListFilter(actor.username(), Principals.of(actor), LocalDate.ofInstant(now, ZONE),
                blankToNull(query.processKey()), blankToNull(query.matterCode()), dueFrom, dueBefore, query.unread(),
                sort.equals("dueAt"), direction.equals("asc"), size, page * size);
    }

    private static ListFilter withDue(ListFilter f, Instant from, Instant before) {
        return new ListFilter(f.username(), f.principals(), f.today(), f.processKey(), f.matterCode(), from, before,
                f.unreadOnly(), f.sortByDue(), f.ascending(), f.limit(), f.offset());
    }

    private static int page(WorkbenchQuery query) {
        return query.page() == null ? 0 : query.page();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
