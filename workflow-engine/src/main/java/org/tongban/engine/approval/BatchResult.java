package org.tongban.engine.approval;

import java.util.List;

/**
 * The outcome per task of a batch approval: {@code status} is the HTTP status the single completion would have
 * answered (204 done, 400, 404, 409 …) with its message. Successful completions are kept whatever the others did.
 */
public record BatchResult(List<Item> items, int succeeded, int failed) {

    public record Item(String taskId, boolean done, int status, String message) {
    }
}
