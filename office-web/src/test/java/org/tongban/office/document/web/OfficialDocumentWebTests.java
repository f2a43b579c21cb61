package org.tongban.office.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.office.testsupport.Api;

/**
 * 公文 over HTTP on a real port, as the people of three agencies: drafting, versions and differences, an
 * attachment checked by content, countersign across agencies, sign-off and numbering, the PDF, distribution to
 * two agencies and the incoming handling there, circulation with read receipts; and the refusals on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialDocumentWebTests {

    private static final String TITLE = "关于开展冬季食品安全专项检查的通知";
    private static final String BODY = "<p>为切实做好冬季食品安全工作，现通知如下。</p><h1>检查范围</h1>"
            + "<p onclick=\"steal()\">全市餐饮服务单位。<script>alert(1)</script></p><h1>工作要求</h1>"
            + "<p>请于12月1日前报送检查情况。</p>";

    @LocalServerPort
    int port;

    @Test
    void aNoticeGoesFromDraftThroughCountersignSignOffAndDistributionToTwoAgencies() throws Exception {
        Api api = new Api(port);
        // 拟稿
        Api.Response created = api.post(FOOD_HANDLER, "/api/documents", draft(BODY, null));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/documents/" + id);
        assertThat(created.body().path("body").asText()).contains("全市餐饮服务单位").doesNotContain("script", "onclick");
        assertThat(created.body().path("kindName").asText()).isEqualTo("通知");

        // another agency cannot see the draft, nor anything about it
        for (String path : List.of("", "/versions", "/pdf", "/circulations", "/diff?from=1&to=1")) {
            assertThat(api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + id + path).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get(REG_HANDLER, "/api/documents/" + id).status()).as("another department").isEqualTo(404);

        // versions and their difference
        Api.Response stale = api.put(FOOD_HANDLER, "/api/documents/" + id, draft(BODY, 0));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response second = api.put(FOOD_HANDLER, "/api/documents/" + id,
                draft(BODY.replace("12月1日", "12月15日"), 1));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(api.get(FOOD_HANDLER, "/api/documents/" + id + "/versions").body()).hasSize(2);
        JsonNode diff = api.get(FOOD_HANDLER, "/api/documents/" + id + "/diff?from=1&to=2").body();
        assertThat(diff.path("changedLines").asInt()).isEqualTo(1);
        assertThat(diff.path("lines").toString()).contains("\"op\":\"CHANGE\"", "\"text\":\"15\"");

        // an attachment, its type read from its content
        byte[] png = png();
        Api.Response attached = api.upload(FOOD_HANDLER, "/api/documents/" + id + "/attachments", "检查表.png", png);
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.body().path("contentType").asText()).isEqualTo("image/png");
        assertThat(attached.body().path("sha256").asText()).isEqualTo(sha256(png));
        Api.Response disguised = api.upload(FOOD_HANDLER, "/api/documents/" + id + "/attachments", "通知.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.body().path("detail").asText()).contains("text/html");
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        assertThat(api.upload(FOOD_HANDLER, "/api/documents/" + id + "/attachments", "名单.docx", program).status())
                .isEqualTo(400);
        long attachmentId = attached.body().path("id").asLong();
        Api.Binary file = api.download(FOOD_REVIEWER, "/api/documents/" + id + "/attachments/" + attachmentId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(file.headers().getContentType()).hasToString("image/png");
        assertThat(api.download(FIRE_AGENCY_OFFICE, "/api/documents/" + id + "/attachments/" + attachmentId).status())
                .isEqualTo(404);

        // 拟稿 → 核稿 → 会签 (two other agencies) → 办公室审核 → 签发
        step(api, FOOD_HANDLER, id, "draft", "SUBMIT", null);
        assertThat(api.post(FOOD_REVIEWER, "/api/documents/" + id + "/steps/check", Map.of("decision", "MAYBE"))
                .status()).isEqualTo(400);
        step(api, FOOD_REVIEWER, id, "check", "AGREE", "同意");
        assertThat(api.post(FIRE_HANDLER, "/api/documents/" + id + "/steps/countersign",
                Map.of("decision", "AGREE")).status()).as("sees it, but countersign is the reviewer's").isEqualTo(403);
        step(api, FIRE_REVIEWER, id, "countersign", "AGREE", "无意见");
        step(api, ENV_REVIEWER, id, "countersign", "AGREE", null);
        step(api, FOOD_AGENCY_OFFICE, id, "officeReview", "AGREE", null);
        assertThat(api.get(FOOD_HANDLER, "/api/documents/" + id + "/pdf").status()).as("no PDF before sign-off")
                .isEqualTo(409);
        step(api, FOOD_LEADER, id, "signOff", "SIGN", "同意印发");

        JsonNode signed = api.get(FOOD_HANDLER, "/api/documents/" + id).body();
        String number = signed.path("number").asText();
        assertThat(number).matches("杭市监〔20\\d\\d〕\\d+号");
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("signerName").asText()).isEqualTo("孙伟");

        Api.Binary pdf = api.download(FOOD_HANDLER, "/api/documents/" + id + "/pdf?copy=3");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().getContentType()).hasToString("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("杭州市市场监督管理局文件", number, TITLE, "杭州市消防救援支队：", "000003",
                    "一、检查范围", "附件：检查表", "抄送：杭州市生态环境局。", "— 1 —");
        }

        // 用印 → 分发: the brigade and the bureau each get an incoming registration
        assertThat(api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + id).status()).isEqualTo(404);
        step(api, FOOD_AGENCY_OFFICE, id, "seal", null, null);
        step(api, FOOD_AGENCY_OFFICE, id, "distribute", null, null);
        JsonNode distributed = api.get(FOOD_AGENCY_OFFICE, "/api/documents/" + id).body();
        assertThat(distributed.path("status").asText()).isEqualTo("DISTRIBUTED");
        assertThat(distributed.path("distributions")).hasSize(2);
        long fireCopy = incoming(distributed, "HZ_XF");
        long envCopy = incoming(distributed, "HZ_STHJ");

        JsonNode published = api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + id).body();
        assertThat(published.path("access").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("timeline")).isEmpty();
        assertThat(api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + id + "/versions").status()).isEqualTo(403);
        assertThat(api.download(FIRE_AGENCY_OFFICE, "/api/documents/" + id + "/attachments/" + attachmentId).status())
                .isEqualTo(200);
        assertThat(api.get(CITY_AGENCY_OFFICE, "/api/documents/" + id).status()).as("not a recipient").isEqualTo(404);
        assertThat(api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + envCopy).status()).as("the bureau's own copy")
                .isEqualTo(404);

        // 收文 in the brigade: 登记 → 拟办 → 批办 → 承办 → 办结
        JsonNode received = api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + fireCopy).body();
        assertThat(received.path("direction").asText()).isEqualTo("INCOMING");
        assertThat(received.path("origin").path("documentId").asLong()).isEqualTo(id);
        assertThat(received.path("attachments")).hasSize(1);
        assertThat(api.download(FIRE_AGENCY_OFFICE, "/api/documents/" + fireCopy + "/pdf").status()).isEqualTo(200);
        step(api, FIRE_AGENCY_OFFICE, fireCopy, "register", null, null);
        assertThat(api.post(FIRE_AGENCY_OFFICE, "/api/documents/" + fireCopy + "/steps/propose", Map.of()).status())
                .as("拟办意见 required").isEqualTo(400);
        step(api, FIRE_AGENCY_OFFICE, fireCopy, "propose", null, "拟请防火监督处办理");
        assertThat(api.post(FIRE_AGENCY_LEADER, "/api/documents/" + fireCopy + "/instruction", Map.of(
                "opinion", "请办理", "handlingDepartments", List.of("SJ_FOOD"))).status())
                .as("a department of another agency").isEqualTo(400);
        assertThat(api.post(FIRE_AGENCY_LEADER, "/api/documents/" + fireCopy + "/instruction", Map.of(
                "opinion", "请防火监督处抓紧落实", "handlingDepartments", List.of("XF_FIRE"), "supervise", true,
                "supervisionDeadline", LocalDate.now().plusDays(7).toString())).status()).isEqualTo(204);
        step(api, FIRE_HANDLER, fireCopy, "handle", null, "已完成检查");
        step(api, FIRE_AGENCY_OFFICE, fireCopy, "close", null, null);
        JsonNode closed = api.get(FIRE_AGENCY_OFFICE, "/api/documents/" + fireCopy).body();
        assertThat(closed.path("status").asText()).isEqualTo("ARCHIVED");
        assertThat(closed.path("receiptNumber").asText()).matches("杭消收〔20\\d\\d〕\\d+号");
        assertThat(api.get(ENV_AGENCY_OFFICE, "/api/documents/" + envCopy).body().path("openSteps").get(0)
                .path("activityId").asText()).isEqualTo("register");

        // 传阅 with read receipts
        Api.Response circulation = api.post(FOOD_AGENCY_OFFICE, "/api/documents/" + id + "/circulations",
                Map.of("readers", List.of(REG_HANDLER, FOOD_AGENCY_LEADER), "note", "请阅"));
        assertThat(circulation.status()).isEqualTo(201);
        assertThat(api.post(REG_HANDLER, "/api/documents/" + id + "/read", Map.of("opinion", "已阅")).status())
                .isEqualTo(204);
        assertThat(api.post(REG_HANDLER, "/api/documents/" + id + "/read", Map.of()).status()).isEqualTo(409);
        assertThat(api.post(CITY_AGENCY_OFFICE, "/api/documents/" + id + "/read", Map.of()).status()).isEqualTo(404);
        JsonNode receipts = api.get(FOOD_AGENCY_OFFICE, "/api/documents/" + id + "/circulations").body().get(0);
        assertThat(receipts.path("readCount").asInt()).isEqualTo(1);
        assertThat(receipts.path("unreadCount").asInt()).isEqualTo(1);
        assertThat(receipts.path("receipts").get(0).path("read").asBoolean()).isTrue();
        assertThat(receipts.path("receipts").get(1).path("name").asText()).isEqualTo("高明");
        assertThat(receipts.path("receipts").get(1).path("read").asBoolean()).isFalse();
    }

    @Test
    void refusesMalformedDraftsWithProblemDetails() {
        Api api = new Api(port);
        Api.Response badKind = api.post(FOOD_HANDLER, "/api/documents", Map.of("kind", "MEMO", "title", "x",
                "body", "<p>x</p>"));
        assertThat(badKind.status()).isEqualTo(400);
        Api.Response empty = api.post(FOOD_HANDLER, "/api/documents", Map.of("kind", "NOTICE"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").path("title").asText()).isNotEmpty();
        assertThat(empty.body().path("errors").path("body").asText()).isNotEmpty();
        assertThat(api.get(FOOD_HANDLER, "/api/documents?size=1000").status()).isEqualTo(400);
    }

    private static Map<String, Object> draft(String body, Integer baseVersion) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("kind", "NOTICE", "title", TITLE, "body", body,
                "urgency", "URGENT", "mainRecipients", List.of("HZ_XF"), "copyRecipients", List.of("HZ_STHJ"),
                "countersignDepartments", List.of("XF_FIRE", "HJ_APPROVAL")));
        if (baseVersion != null) {
            form.put("baseVersion", baseVersion);
        }
        return form;
    }

    private static void step(Api api, String user, long id, String step, String decision, String opinion) {
        Map<String, Object> form = new java.util.HashMap<>();
        if (decision != null) {
            form.put("decision", decision);
        }
        if (opinion != null) {
            form.put("opinion", opinion);
        }
        Api.Response response = api.post(user, "/api/documents/" + id + "/steps/" + step, form);
        assertThat(response.status()).as("%s %s: %s", user, step, response.body()).isEqualTo(204);
    }

    private static long incoming(JsonNode document, String agency) {
        return StreamSupport.stream(document.path("distributions").spliterator(), false)
                .filter(d -> d.path("agency").path("code").asText().equals(agency)).findFirst().orElseThrow()
                .path("incomingDocumentId").asLong();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
