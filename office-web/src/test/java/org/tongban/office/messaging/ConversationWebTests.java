package org.tongban.office.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.tongban.office.testsupport.Api;

/** Conversations, attachments and the address book over REST on a real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationWebTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    Api api;
    RestClient http;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    @Test
    void theAddressBookIsHowADirectConversationStarts() {
        // the department's name: the brigade's name would also find the people of its 办公室
        JsonNode found = api.get(WINDOW_CLERK, "/api/directory/people?q=" + "防火监督").body();
        assertThat(StreamSupport.stream(found.spliterator(), false).map(p -> p.path("username").asText()))
                .containsExactlyInAnyOrder(FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER);
        JsonNode zhouhao = StreamSupport.stream(found.spliterator(), false)
                .filter(p -> p.path("username").asText().equals(FIRE_HANDLER)).findFirst().orElseThrow();
        assertThat(zhouhao.path("phone").asText()).isEqualTo("13800000021");
        assertThat(zhouhao.path("positions").get(0).path("agencyName").asText()).isEqualTo("杭州市消防救援支队");

        Api.Response direct = api.post(WINDOW_CLERK, "/api/conversations/direct", Map.of("username", FIRE_HANDLER));
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.body().path("kind").asText()).isEqualTo("DIRECT");
        assertThat(direct.body().path("title").asText()).isEqualTo("周浩");
        assertThat(api.post(FIRE_HANDLER, "/api/conversations/direct", Map.of("username", WINDOW_CLERK)).body()
                .path("id").asLong()).isEqualTo(direct.body().path("id").asLong());

        JsonNode tree = api.get(WINDOW_CLERK, "/api/directory/tree").body();
        assertThat(tree.get(0).path("name").asText()).isEqualTo("浙江省人民政府");
        assertThat(api.get(WINDOW_CLERK, "/api/directory/people").status()).isEqualTo(400);
    }

    @Test
    void anAttachmentIsUploadedPostedAndDownloadedByMembersOnly() {
        long group = api.post(ENV_HANDLER, "/api/conversations", Map.of("title", "环评批复",
                "members", List.of(ENV_REVIEWER))).body().path("id").asLong();
        ResponseEntity<String> uploaded = upload(ENV_HANDLER, group, "批复（草稿）.pdf", PDF);
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        JsonNode attachment = json(uploaded.getBody());
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        long attachmentId = attachment.path("id").asLong();

        JsonNode message = api.post(ENV_HANDLER, "/api/conversations/" + group + "/messages",
                Map.of("text", "请看附件", "attachmentId", attachmentId)).body();
        assertThat(message.path("attachment").path("fileName").asText()).isEqualTo("批复（草稿）.pdf");

        ResponseEntity<byte[]> download = http.get().uri("/api/conversations/" + group + "/attachments/" + attachmentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(ENV_REVIEWER)).retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(http.get().uri("/api/conversations/" + group + "/attachments/" + attachmentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(CITY_HANDLER)).retrieve()
                .toEntity(byte[].class).getStatusCode().value()).isEqualTo(404);
        assertThat(upload(CITY_HANDLER, group, "x.pdf", PDF).getStatusCode().value()).isEqualTo(404);
        // an HTML page called .pdf is refused by its content
        ResponseEntity<String> disguised = upload(ENV_HANDLER, group, "通知.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.getStatusCode().value()).isEqualTo(400);
        assertThat(json(disguised.getBody()).path("detail").asText()).contains("不允许的附件类型");
    }

    @Test
    void badInputChangesNothing() {
        assertThat(api.post(FOOD_HANDLER, "/api/conversations", Map.of("members", List.of(FOOD_REVIEWER))).status())
                .isEqualTo(400);
        assertThat(api.post(FOOD_HANDLER, "/api/conversations/direct", Map.of("username", "nobody")).status())
                .isEqualTo(400);
        long group = api.post(FOOD_HANDLER, "/api/conversations", Map.of("title", "空消息测试",
                "members", List.of(FOOD_REVIEWER))).body().path("id").asLong();
        Api.Response empty = api.post(FOOD_HANDLER, "/api/conversations/" + group + "/messages", Map.of("text", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").path("text").asText()).isNotEmpty();
        assertThat(api.get(FOOD_HANDLER, "/api/conversations/" + group + "/messages").body().path("items")).isEmpty();
        assertThat(api.get(FOOD_HANDLER, "/api/conversations/" + group + "/messages?size=1000").status()).isEqualTo(400);
    }

    private ResponseEntity<String> upload(String user, long conversation, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return http.post().uri("/api/conversations/" + conversation + "/attachments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(user))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    private static JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
