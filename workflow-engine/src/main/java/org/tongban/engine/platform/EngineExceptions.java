package org.tongban.engine.platform;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/** Turns engine and database failures of a racing request into the platform's own exceptions. */
public final class EngineExceptions {

    private EngineExceptions() {
    }

    /**
     * The platform exception for a failure caused by someone else acting first, or the original exception.
     * Callers rethrow what this returns.
     */
    public static RuntimeException translate(RuntimeException e) {
        if (e instanceof TaskAlreadyClaimedException claimed) {
            return new ConflictException("该任务已被 " + claimed.getTaskAssignee() + " 签收", e);
        }
        if (e instanceof OptimisticLockingException || e instanceof ConcurrencyFailureException
                || e instanceof DuplicateKeyException) {
            return new ConflictException("该任务刚被他人处理，请刷新后重试", e);
        }
        if (e instanceof NullValueException) {
            return new ConflictException("该任务已不存在（可能已被他人办理）", e);
        }
        if (e instanceof ProcessEngineException && isLockTimeout(e)) {
            return new ConflictException("该任务正被他人处理，请稍后重试", e);
        }
        return e;
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Timeout trying to lock") || message.contains("Lock wait timeout")
                    || message.contains("Deadlock")) {
                return true;
            }
        }
        return false;
    }
}
