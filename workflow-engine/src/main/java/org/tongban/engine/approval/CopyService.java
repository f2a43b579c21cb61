package org.tongban.engine.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.internal.ActionRecorder;
import org.tongban.engine.approval.internal.TaskAccess;
import org.tongban.engine.approval.internal.TaskAccess.Accessible;
import org.tongban.engine.approval.persistence.CopyMapper;
import org.tongban.engine.approval.persistence.CopyRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * 抄送: anyone who may see a task copies its process to people or departments; each recipient finds it once in
 * 抄送我的 (unread until opened) and may read the case it is about.
 */
@Service
public class CopyService {

    private static final int MAX_RECIPIENTS = 200;

    private final TaskAccess access;
    private final CopyMapper copies;
    private final DirectoryService directory;
    private final ActionRecorder recorder;
    private final Clock clock;

    public CopyService(TaskAccess access, CopyMapper copies, DirectoryService directory, ActionRecorder recorder,
                       Clock clock) {
        this.access = access;
        this.copies = copies;
        this.directory = directory;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** 抄送 the task's process to the form's people and departments. */
    @Transactional
    public CopyResult copy(Actor actor, String taskId, CopyForm form) {
        Accessible accessible = access.visible(actor, taskId);
        if (form.note() != null && form.note().length() > 500) {
            throw new InvalidInputException("抄送说明过长", Map.of("note", "至多 500 字"));
        }
        Set<String> recipients = recipients(form);
        recipients.remove(actor.username());
        if (recipients.isEmpty()) {
            throw new InvalidInputException("没有可抄送的人", Map.of("usernames", "请选择抄送人或部门"));
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("一次至多抄送 " + MAX_RECIPIENTS + " 人", Map.of("usernames", "人数过多"));
        }
        TaskContext task = accessible.context();
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String recipient : recipients) {
            if (copies.exists(task.processInstanceId(), recipient)) {
                already.add(recipient);
                continue;
            }
            try {
                copies.insertCopy(new CopyRow(null, task.processInstanceId(), task.taskId(), task.name(), recipient,
                        actor.username(), form.note(), clock.instant(), null, null, null, null, null, null));
                added.add(recipient);
            } catch (DuplicateKeyException raced) {
                // copied to the same person by someone else a moment ago: they have it once
                already.add(recipient);
            }
        }
        if (!added.isEmpty()) {
            Map<String, String> names = directory.displayNames(added);
            recorder.record(task, Operation.COPY, actor, added,
                    String.join("、", added.stream().map(u -> names.getOrDefault(u, u)).toList()), null, form.note());
        }
        return new CopyResult(added, already);
    }

    /** Marks a copy read; only its recipient may, and reading twice changes nothing. */
    @Transactional
    public CopyView markRead(Actor actor, long copyId) {
        CopyRow copy = copies.findCopy(copyId);
        if (copy == null || !copy.recipient().equals(actor.username())) {
            throw new NotFoundException("抄送不存在：" + copyId);
        }
        copies.markRead(copyId, actor.username(), clock.instant());
        CopyRow read = copies.findCopy(copyId);
        return WorkbenchService.copyView(read, directory.displayNames(List.of(read.sentBy())));
    }

    /** Whether the process was copied to the person (a copy lets its recipient read what it is about). */
    @Transactional(readOnly = true)
    public boolean isCopiedTo(String username, String processInstanceId) {
        return processInstanceId != null && copies.exists(processInstanceId, username);
    }

    private Set<String> recipients(CopyForm form) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String username : form.usernames()) {
            if (username == null || directory.findActor(username).isEmpty()) {
                throw new InvalidInputException("抄送人不存在或已停用：" + username, Map.of("usernames", username + " 不存在"));
            }
            recipients.add(username);
        }
        for (String code : form.departmentCodes()) {
            if (code == null || directory.department(code).isEmpty()) {
                throw new InvalidInputException("部门不存在：" + code, Map.of("departmentCodes", code + " 不存在"));
            }
            recipients.addAll(directory.membersOf(code));
        }
        return recipients;
    }
}
