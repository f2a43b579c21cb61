package org.tongban.engine.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.PlatformException;
import org.tongban.engine.platform.TooManyRequestsException;

/**
 * 批量审批: completes each task in its own transaction through {@link ApprovalService#complete}, so every task gets
 * exactly the checks and records of a single completion, one failure never undoes another task, and the result
 * says per task what happened.
 */
@Service
public class BatchApprovalService {

    private static final Logger log = LoggerFactory.getLogger(BatchApprovalService.class);
    private static final int MAX_TASKS = 100;

    private final ApprovalService approvals;

    public BatchApprovalService(ApprovalService approvals) {
        this.approvals = approvals;
    }

    public BatchResult complete(Actor actor, BatchForm form) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(form.taskIds()));
        if (ids.isEmpty() || ids.size() > MAX_TASKS || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidInputException("请选择 1 到 " + MAX_TASKS + " 个任务", Map.of("taskIds", "1 到 " + MAX_TASKS + " 个"));
        }
        List<BatchResult.Item> items = new ArrayList<>();
        for (String taskId : ids) {
            try {
                approvals.complete(actor, taskId, CompletionForm.of(form.decision(), form.opinion()));
                items.add(new BatchResult.Item(taskId, true, 204, null));
            } catch (PlatformException e) {
                items.add(new BatchResult.Item(taskId, false, status(e), e.getMessage()));
            } catch (ConcurrencyFailureException | DuplicateKeyException e) {
                items.add(new BatchResult.Item(taskId, false, 409, "该任务刚被他人处理，请刷新后重试"));
            } catch (RuntimeException e) {
                log.warn("Batch completion of task {} failed", taskId, e);
                items.add(new BatchResult.Item(taskId, false, 500, "系统错误，请稍后重试"));
            }
        }
        int succeeded = (int) items.stream().filter(BatchResult.Item::done).count();
        return new BatchResult(items, succeeded, items.size() - succeeded);
    }

    private static int status(PlatformException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof TooManyRequestsException) {
            return 429;
        }
        return 400;
    }
}
