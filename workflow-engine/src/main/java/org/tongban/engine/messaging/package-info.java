/**
 * 会话与消息: direct (1:1), group and case conversations; messages with @mentions and an attachment; per-member
 * read positions (unread counts, who has read a message); must-reach (DING) messages that escalate to an outside
 * channel through the outbox while unread. Only members read or post; for anyone else a conversation does not
 * exist. Changes are announced by events ({@link org.tongban.engine.messaging.MessagePosted},
 * {@link org.tongban.engine.messaging.MessagesRead}, {@link org.tongban.engine.messaging.MembersJoined}) that
 * office-web pushes over STOMP after commit.
 */
package org.tongban.engine.messaging;
