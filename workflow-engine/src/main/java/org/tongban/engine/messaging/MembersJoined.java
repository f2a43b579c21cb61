package org.tongban.engine.messaging;

import java.util.List;

/** People joined a conversation (or it was created with them); published in the transaction (push after commit). */
public record MembersJoined(long conversationId, List<String> usernames) {

    public MembersJoined {
        usernames = List.copyOf(usernames);
    }
}
