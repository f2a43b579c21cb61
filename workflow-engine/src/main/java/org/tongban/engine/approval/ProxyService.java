package org.tongban.engine.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.Principals;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.persistence.ProxyMapper;
import org.tongban.engine.approval.persistence.ProxyRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.SequenceService;

/**
 * 代理/委托: a person names a stand-in for a date range. Tasks created for them while it is in force (assigned to
 * them, or offered to them or a group they belong to) appear in both todo lists; either may act, and what the
 * stand-in does is recorded as done on the other's behalf ("王芳（代李强）"). Cancelling a proxy takes those tasks
 * out of the stand-in's list at once; after the last day they leave it by themselves.
 */
@Service
public class ProxyService {

    private static final int MAX_DAYS = 366;

    private final ProxyMapper proxies;
    private final WorkItemMapper items;
    private final DirectoryService directory;
    private final SequenceService sequences;
    private final TaskAccess access;
    private final Clock clock;

    public ProxyService(ProxyMapper proxies, WorkItemMapper items, DirectoryService directory, SequenceService sequences,
                        TaskAccess access, Clock clock) {
        this.proxies = proxies;
        this.items = items;
        this.directory = directory;
        this.sequences = sequences;
        this.access = access;
        this.clock = clock;
    }

    /** The actor's current and coming proxies, as principal and as stand-in. */
    @Transactional(readOnly = true)
    public List<ProxyView> proxies(Actor actor) {
        return views(proxies.findCurrent(actor.username(), access.today()));
    }

    @Transactional
    public ProxyView create(Actor actor, ProxyForm form) {
        LocalDate today = access.today();
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.standIn() == null || form.standIn().isEmpty()) {
            errors.put("standIn", "必填");
        } else if (form.standIn().equals(actor.username())) {
            errors.put("standIn", "不能委托给自己");
        } else if (directory.findActor(form.standIn()).isEmpty()) {
            errors.put("standIn", "不存在或已停用");
        }
        if (form.startsOn() == null || form.endsOn() == null) {
            errors.put("endsOn", "起止日期必填");
        } else if (form.endsOn().isBefore(form.startsOn())) {
            errors.put("endsOn", "不能早于开始日期");
        } else if (form.endsOn().isBefore(today)) {
            errors.put("endsOn", "不能早于今天");
        } else if (ChronoUnit.DAYS.between(form.startsOn(), form.endsOn()) >= MAX_DAYS) {
            errors.put("endsOn", "委托期至多 " + MAX_DAYS + " 天");
        }
        if (form.note() != null && form.note().length() > 200) {
            errors.put("note", "至多 200 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("委托信息有误", errors);
        }
        // serialises a person's proxy changes (the counter row stays locked until commit), so two overlapping
        // proxies created at the same moment cannot both pass the check below
        sequences.next("proxy:" + actor.username());
        for (ProxyRow existing : proxies.findCurrent(actor.username(), today)) {
            if (existing.principal.equals(actor.username()) && !existing.endsOn.isBefore(form.startsOn())
                    && !form.endsOn().isBefore(existing.startsOn)) {
                throw new ConflictException("与已有委托（" + existing.startsOn + " 至 " + existing.endsOn + "）时间重叠");
            }
        }
        ProxyRow row = new ProxyRow();
        row.principal = actor.username();
        row.standIn = form.standIn();
        row.startsOn = form.startsOn();
        row.endsOn = form.endsOn();
        row.note = form.note();
        row.createdAt = clock.instant();
        proxies.insertProxy(row);
        return views(List.of(row)).get(0);
    }

    /** Cancels a proxy (its principal or an admin); the stand-in loses the tasks it gave them. */
    @Transactional
    public void cancel(Actor actor, long id) {
        ProxyRow row = proxies.findProxy(id);
        if (row == null || row.cancelledAt != null
                || !(row.principal.equals(actor.username()) || actor.hasRole(Role.ADMIN))) {
            throw new NotFoundException("委托不存在：" + id);
        }
        if (proxies.cancel(id, clock.instant()) == 0) {
            throw new ConflictException("该委托刚被取消");
        }
        items.deleteProxyAccess(Principals.proxy(row.standIn), row.principal);
    }

    private List<ProxyView> views(List<ProxyRow> rows) {
        LocalDate today = access.today();
        Map<String, String> names = directory.displayNames(rows.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.principal, r.standIn)).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new ProxyView(r.id, r.principal, names.getOrDefault(r.principal, r.principal),
                r.standIn, names.getOrDefault(r.standIn, r.standIn), r.startsOn, r.endsOn, r.note,
                r.cancelledAt == null && !today.isBefore(r.startsOn) && !today.isAfter(r.endsOn))).toList();
    }
}
