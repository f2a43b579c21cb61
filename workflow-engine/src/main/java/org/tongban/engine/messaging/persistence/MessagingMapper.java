package org.tongban.engine.messaging.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Conversations, members, messages, mentions and attachments. */
@Mapper
public interface MessagingMapper {

    /** Inserts the row and sets its id. */
    void insertConversation(ConversationRow row);

    ConversationRow findConversation(@Param("id") long id);

    ConversationRow findByDirectKey(@Param("directKey") String directKey);

    ConversationRow findBySubject(@Param("subjectType") String subjectType, @Param("subjectKey") String subjectKey);

    /** The member's conversations with their unread counts, most recent activity first. */
    List<ConversationRow> findConversationsOf(@Param("username") String username, @Param("limit") int limit);

    long countUnread(@Param("conversationId") long conversationId, @Param("username") String username,
                     @Param("lastReadId") long lastReadId);

    void setLastMessage(@Param("id") long conversationId, @Param("messageId") long messageId, @Param("at") Instant at);

    void insertMember(MemberRow row);

    /** Several members in one statement; fails as a whole when one of them is a member already. */
    void insertMembers(@Param("rows") List<MemberRow> rows);

    MemberRow findMember(@Param("conversationId") long conversationId, @Param("username") String username);

    List<MemberRow> findMembers(@Param("conversationId") long conversationId);

    List<MemberRow> findMembersOf(@Param("conversationIds") Collection<Long> conversationIds);

    /** Moves the member's read position forward to {@code upTo}; 0 when it already was there or beyond. */
    int advanceRead(@Param("conversationId") long conversationId, @Param("username") String username,
                    @Param("upTo") long upTo, @Param("at") Instant at);

    /** Inserts the row and sets its id. */
    void insertMessage(MessageRow row);

    MessageRow findMessage(@Param("id") long id);

    MessageRow findByClientKey(@Param("conversationId") long conversationId, @Param("sender") String sender,
                               @Param("clientKey") String clientKey);

    /** Newest first, older than {@code before} when given; at most {@code limit}. */
    List<MessageRow> findMessages(@Param("conversationId") long conversationId, @Param("before") Long before,
                                  @Param("limit") int limit);

    List<MessageRow> findMessagesByIds(@Param("ids") Collection<Long> ids);

    /** Distinct senders of the conversation's messages with ids in ({@code after}, {@code upTo}]. */
    List<String> findSendersBetween(@Param("conversationId") long conversationId, @Param("after") long after,
                                    @Param("upTo") long upTo);

    void insertMention(MentionRow row);

    List<MentionRow> findMentions(@Param("messageIds") Collection<Long> messageIds);

    /** Inserts the row and sets its id. */
    void insertAttachment(AttachmentRow row);

    AttachmentRow findAttachment(@Param("id") long id);
}
