package org.tongban.engine.messaging;

import java.util.List;

/** A message was stored; published in the posting transaction (push after commit). {@code members} get it. */
public record MessagePosted(MessageView message, List<String> members) {

    public MessagePosted {
        members = List.copyOf(members);
    }
}
