package org.tongban.engine.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.messaging.persistence.MemberRow;
import org.tongban.engine.messaging.persistence.MentionRow;
import org.tongban.engine.messaging.persistence.MessageRow;
import org.tongban.engine.messaging.persistence.MessagingMapper;

/** Builds message views: sender names, mentions and read counts in a fixed number of queries. */
@Component
class MessageViews {

    private final MessagingMapper mapper;
    private final DirectoryService directory;

    MessageViews(MessagingMapper mapper, DirectoryService directory) {
        this.mapper = mapper;
        this.directory = directory;
    }

    /** Views of messages of conversations whose members are given (by conversation id). */
    List<MessageView> views(List<MessageRow> rows, Map<Long, List<MemberRow>> membersByConversation) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> mentions = mapper.findMentions(rows.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(MentionRow::messageId,
                        Collectors.mapping(MentionRow::username, Collectors.toList())));
        Map<String, String> names = directory.displayNames(rows.stream().map(r -> r.sender).collect(Collectors.toSet()));
        return rows.stream().map(r -> view(r, mentions.getOrDefault(r.id, List.of()), names,
                membersByConversation.getOrDefault(r.conversationId, List.of()))).toList();
    }

    List<MessageView> views(List<MessageRow> rows, List<MemberRow> members) {
        return rows.isEmpty() ? List.of() : views(rows, Map.of(rows.get(0).conversationId, members));
    }

    Map<String, String> names(Collection<String> usernames) {
        return directory.displayNames(Set.copyOf(usernames));
    }

    private static MessageView view(MessageRow r, List<String> mentions, Map<String, String> names,
                                    List<MemberRow> members) {
        int readCount = (int) members.stream()
                .filter(m -> !m.username().equals(r.sender) && m.lastReadId() >= r.id).count();
        AttachmentView attachment = r.attachmentId == null ? null
                : new AttachmentView(r.attachmentId, r.fileName, r.contentType, r.sizeBytes == null ? 0 : r.sizeBytes,
                        r.sha256);
        return new MessageView(r.id, r.conversationId, r.sender, names.getOrDefault(r.sender, r.sender), r.body,
                mentions, attachment, r.urgent, r.sentAt, readCount, r.clientKey);
    }
}
