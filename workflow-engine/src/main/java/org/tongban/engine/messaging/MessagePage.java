package org.tongban.engine.messaging;

import java.util.List;

/** A page of history, newest first; {@code hasMore} when older messages exist (ask with {@code before}). */
public record MessagePage(List<MessageView> items, boolean hasMore) {
}
