package org.tongban.office.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.messaging.AttachmentContent;
import org.tongban.engine.messaging.AttachmentService;
import org.tongban.engine.messaging.AttachmentView;
import org.tongban.engine.messaging.ConversationService;
import org.tongban.engine.messaging.ConversationView;
import org.tongban.engine.messaging.GroupForm;
import org.tongban.engine.messaging.MessageForm;
import org.tongban.engine.messaging.MessagePage;
import org.tongban.engine.messaging.MessageService;
import org.tongban.engine.messaging.MessageView;
import org.tongban.engine.messaging.ReadReceipts;
import org.tongban.engine.platform.InvalidInputException;

/**
 * 会话与消息 over REST: lists, history, posting, reading, receipts, attachments. Live delivery of the same events is
 * over STOMP ({@link MessagingPush}); posting and reading work over either.
 */
@RestController
@RequestMapping("/api/conversations")
@Tag(name = "会话与消息")
class ConversationController {

    private final ConversationService conversations;
    private final MessageService messages;
    private final AttachmentService attachments;

    ConversationController(ConversationService conversations, MessageService messages, AttachmentService attachments) {
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "我的会话（单聊、群聊、办件群），最近活动在前，带未读数和最后一条消息")
    List<ConversationView> mine(@AuthenticationPrincipal Actor actor) {
        return conversations.mine(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建群聊 {title, members}")
    ConversationView createGroup(@AuthenticationPrincipal Actor actor, @RequestBody GroupForm form) {
        return conversations.createGroup(actor, form);
    }

    @PostMapping("/direct")
    @Operation(summary = "发起单聊 {username}：与此人的会话，首次时创建")
    ConversationView direct(@AuthenticationPrincipal Actor actor, @RequestBody DirectForm form) {
        return conversations.startDirect(actor, form.username());
    }

    @GetMapping("/{id}")
    @Operation(summary = "会话详情（仅成员）")
    ConversationView get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return conversations.get(actor, id);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "邀请成员进群 {usernames}（仅群聊成员）")
    ConversationView invite(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody InviteForm form) {
        return conversations.invite(actor, id, form.usernames());
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "历史消息，新的在前；before 为上一页最早一条的 id")
    MessagePage history(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                        @RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int size) {
        return messages.history(actor, id, before, size);
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发送消息 {text, mentions, attachmentId, urgent, clientKey}；urgent 为必达（DING）")
    MessageView post(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody MessageForm form) {
        return messages.post(actor, id, form);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "已读到某条消息 {upToMessageId}")
    ResponseEntity<Void> read(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody ReadForm form) {
        messages.markRead(actor, id, form.upToMessageId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/messages/{messageId}/receipts")
    @Operation(summary = "已读/未读名单与必达升级记录（仅发送人）")
    ReadReceipts receipts(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long messageId) {
        return messages.receipts(actor, id, messageId);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件（按内容识别类型：PDF、OFD、Office、图片、纯文本），再随消息发送")
    AttachmentView upload(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                          @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > attachments.maxBytes()) {
            throw new InvalidInputException("附件超过 " + attachments.maxBytes() / (1024 * 1024) + " MB",
                    Map.of("file", "过大"));
        }
        try (InputStream in = file.getInputStream()) {
            return attachments.upload(actor, id, file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载附件（仅成员）")
    ResponseEntity<Resource> download(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                      @PathVariable long attachmentId) {
        AttachmentContent content = attachments.open(actor, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.attachment().contentType()))
                .contentLength(content.attachment().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(content.file()));
    }

    /** Whom to talk to. */
    record DirectForm(String username) {
    }

    /** Who to add. */
    record InviteForm(List<String> usernames) {
    }

    /** How far the reader has read. */
    record ReadForm(long upToMessageId) {
    }
}
