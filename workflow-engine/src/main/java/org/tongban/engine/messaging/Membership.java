package org.tongban.engine.messaging;

import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.messaging.persistence.ConversationRow;
import org.tongban.engine.messaging.persistence.MemberRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;
import org.tongban.engine.platform.NotFoundException;

/** The one rule of messaging: a conversation exists only for its members. */
@Component
class Membership {

    private final MessagingMapper mapper;

    Membership(MessagingMapper mapper) {
        this.mapper = mapper;
    }

    /** The actor's membership of the conversation, or not found — the same answer whether it exists or not. */
    MemberRow require(Actor actor, long conversationId) {
        MemberRow member = mapper.findMember(conversationId, actor.username());
        if (member == null) {
            throw new NotFoundException("会话不存在或您不是成员：" + conversationId);
        }
        return member;
    }

    ConversationRow conversation(Actor actor, long conversationId) {
        require(actor, conversationId);
        return mapper.findConversation(conversationId);
    }
}
