package org.tongban.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/** Attachments: typed by their content, limited in size, stored once by hash, readable by members only. */
@SpringBootTest(classes = EngineTestApplication.class, properties = "tongban.messaging.attachments.max-size=64KB")
class AttachmentIntegrationTests {

    /** The smallest valid PNG: an 8-byte signature and an IHDR chunk are enough for the detector. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** A Windows executable's header, whatever it is called. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};

    @Autowired
    AttachmentService attachments;
    @Autowired
    ConversationService conversations;
    @Autowired
    MessageService messages;
    @Autowired
    DirectoryService directory;

    @Test
    void aFileIsTypedByItsContentStoredOnceAndPostedWithAMessage() throws Exception {
        ConversationView group = conversations.createGroup(actor(ENV_HANDLER), new GroupForm("材料", List.of(ENV_REVIEWER)));
        AttachmentView png = attachments.upload(actor(ENV_HANDLER), group.id(), "现场照片.jpg", stream(PNG));
        assertThat(png.contentType()).isEqualTo("image/png"); // named .jpg, but a PNG
        assertThat(png.size()).isEqualTo(PNG.length);
        assertThat(png.sha256()).hasSize(64);
        AttachmentView again = attachments.upload(actor(ENV_REVIEWER), group.id(), "C:\\photos\\copy.png", stream(PNG));
        assertThat(again.sha256()).isEqualTo(png.sha256());
        assertThat(again.fileName()).isEqualTo("copy.png");

        MessageView posted = messages.post(actor(ENV_HANDLER), group.id(),
                new MessageForm(null, List.of(), png.id(), false, null));
        assertThat(posted.attachment()).isEqualTo(png);
        AttachmentContent content = attachments.open(actor(ENV_REVIEWER), group.id(), png.id());
        assertThat(Files.readAllBytes(content.file())).isEqualTo(PNG);
        assertThat(attachments.upload(actor(ENV_HANDLER), group.id(), "批复.pdf", stream(PDF)).contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void disguisedEmptyAndOversizedFilesAreRefused() {
        ConversationView group = conversations.createGroup(actor(CITY_HANDLER), new GroupForm("方案", List.of(CITY_REVIEWER)));
        assertThatThrownBy(() -> attachments.upload(actor(CITY_HANDLER), group.id(), "方案.pdf", stream(EXE)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不允许的附件类型");
        assertThatThrownBy(() -> attachments.upload(actor(CITY_HANDLER), group.id(), "空.txt", stream(new byte[0])))
                .isInstanceOf(InvalidInputException.class);
        byte[] big = "说明".repeat(12_000).getBytes(StandardCharsets.UTF_8); // 72 KB of text
        assertThatThrownBy(() -> attachments.upload(actor(CITY_HANDLER), group.id(), "说明.txt", stream(big)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("超过");
        assertThatThrownBy(() -> attachments.upload(actor(CITY_HANDLER), group.id(), "../", stream(PDF)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyMembersUploadOrReadAndAnAttachmentBelongsToOneConversation() throws Exception {
        ConversationView group = conversations.createGroup(actor(FOOD_HANDLER), new GroupForm("证照", List.of(FOOD_REVIEWER)));
        AttachmentView pdf = attachments.upload(actor(FOOD_HANDLER), group.id(), "许可证.pdf", stream(PDF));
        assertThatThrownBy(() -> attachments.open(actor(FIRE_HANDLER), group.id(), pdf.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attachments.upload(actor(FIRE_HANDLER), group.id(), "x.pdf", stream(PDF)))
                .isInstanceOf(NotFoundException.class);
        ConversationView other = conversations.createGroup(actor(FOOD_HANDLER), new GroupForm("别的群", List.of(FIRE_HANDLER)));
        // the stranger joins another conversation of the uploader's, and still cannot reach the file through it
        assertThatThrownBy(() -> attachments.open(actor(FIRE_HANDLER), other.id(), pdf.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.post(actor(FOOD_HANDLER), other.id(),
                new MessageForm("转发", List.of(), pdf.id(), false, null))).isInstanceOf(InvalidInputException.class);
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
