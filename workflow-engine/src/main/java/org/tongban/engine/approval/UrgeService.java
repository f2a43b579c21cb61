package org.tongban.engine.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.ActionRecorder;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.SubjectRow;
import org.tongban.engine.approval.persistence.WorkItemMapper;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.TooManyRequestsException;

/**
 * 催办: the process's initiator, anyone who has acted on it, a supervisor or an admin reminds the people an open task
 * waits for. At most once per hour per task and person (429 otherwise, with the time it is allowed again); the
 * limit is one guarded UPDATE of {@code tb_urge_limit}, so two urges at the same moment cannot both pass.
 *
 * <p>The reminder itself is the {@link ApprovalEvent} of the URGE operation (targets = recipients): the messaging
 * feature delivers it (浙政钉, SMS …); until then it is recorded and on the case timeline.
 */
@Service
public class UrgeService {

    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final TaskService taskService;
    private final TaskAccess access;
    private final ActionMapper actions;
    private final WorkItemMapper items;
    private final DirectoryService directory;
    private final ActionRecorder recorder;
    private final Clock clock;

    public UrgeService(TaskService taskService, TaskAccess access, ActionMapper actions, WorkItemMapper items,
                       DirectoryService directory, ActionRecorder recorder, Clock clock) {
        this.taskService = taskService;
        this.access = access;
        this.actions = actions;
        this.items = items;
        this.directory = directory;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** 催办 the task with an optional message. */
    @Transactional
    public UrgeResult urge(Actor actor, String taskId, OpinionForm form) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null || !mayUrge(actor, task.getProcessInstanceId())) {
            throw new NotFoundException("任务不存在或无权查看：" + taskId);
        }
        if (form.opinion() != null && form.opinion().length() > 500) {
            throw new InvalidInputException("催办内容过长", Map.of("opinion", "至多 500 字"));
        }
        List<String> recipients = recipients(task);
        if (recipients.isEmpty()) {
            throw new InvalidInputException("该任务暂无可催办的人", Map.of("taskId", "无办理人"));
        }
        Instant now = clock.instant();
        takeTurn(taskId, actor.username(), now);
        Map<String, String> names = directory.displayNames(recipients);
        List<String> recipientNames = recipients.stream().map(u -> names.getOrDefault(u, u)).toList();
        recorder.record(access.context(task), Operation.URGE, actor, recipients, String.join("、", recipientNames), null,
                form.opinion() == null ? "请尽快办理" : form.opinion());
        return new UrgeResult(recipients, recipientNames, now.plus(INTERVAL));
    }

    private void takeTurn(String taskId, String username, Instant now) {
        if (actions.touchUrge(taskId, username, now, now.minus(INTERVAL)) == 1) {
            return;
        }
        Instant last = actions.findLastUrge(taskId, username);
        if (last == null) {
            try {
                actions.insertUrge(taskId, username, now);
                return;
            } catch (DuplicateKeyException raced) {
                last = now;
            }
        }
        Instant next = last.plus(INTERVAL);
        throw new TooManyRequestsException("同一任务每人每小时只能催办一次，请于 " + TIME.format(next) + " 后再催办",
                Duration.between(now, next).isNegative() ? Duration.ZERO : Duration.between(now, next));
    }

    private boolean mayUrge(Actor actor, String processInstanceId) {
        if (actor.hasRole(Role.SUPERVISOR) || actor.hasRole(Role.ADMIN)) {
            return true;
        }
        SubjectRow subject = items.findSubject(processInstanceId);
        return (subject != null && actor.username().equals(subject.initiator()))
                || actions.countActionsBy(processInstanceId, actor.username()) > 0;
    }

    /** The assignee; or, for an unclaimed task, its candidate users and the members of its candidate groups. */
    private List<String> recipients(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        Set<String> recipients = new LinkedHashSet<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    recipients.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        recipients.addAll(directory.members(groups));
        return recipients.stream().filter(Objects::nonNull).toList();
    }
}
