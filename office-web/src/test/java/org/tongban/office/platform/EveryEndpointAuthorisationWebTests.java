package org.tongban.office.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;

/**
 * Walks every operation of the OpenAPI document as a person of another department and expects either 403/404,
 * or an answer that carries none of the other department's data. A new endpoint is covered without anyone
 * remembering it; an endpoint with a path parameter this test cannot fill fails the test until it is taught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryEndpointAuthorisationWebTests {

    /**
     * Endpoints everyone may call (the applicant's look-up and rating need a case number and its code instead of a
     * login), and the logout that would end the stranger's own session mid-walk.
     */
    private static final Set<String> OPEN = Set.of("POST /api/auth/login", "POST /api/auth/logout",
            "POST /api/public/case-status", "POST /api/public/case-rating");
    private static final String DOCUMENT_TITLE = "关于食品安全专项检查的通知（仅食品处可见）";
    private static final String DOCUMENT_TEXT = "食品经营监管处内部草稿正文";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    @Test
    void aPersonOfAnotherDepartmentGetsNothingOfTheFoodDepartmentsCase() throws Exception {
        Api api = new Api(port);
        // the food department's work: a case dispatched to SJ_FOOD alone, its open task
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long caseId = created.path("id").asLong();
        String intake = created.path("openSteps").get(0).path("taskId").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT"))
                .status()).isEqualTo(204);
        String taskId = StreamSupport.stream(api.get(FOOD_HANDLER, "/api/tasks?size=100").body().path("items")
                        .spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId).findFirst().orElseThrow()
                .path("id").asText();
        String caseNumber = api.get(WINDOW_CLERK, "/api/cases/" + caseId).body().path("caseNumber").asText();
        // the food department's own objects of the approval operations: a copy, a phrase, a proxy
        assertThat(api.post(FOOD_HANDLER, "/api/tasks/" + taskId + "/copies",
                Map.of("usernames", List.of(FOOD_HANDLER_2), "note", "食品科内部抄送")).status()).isEqualTo(200);
        String copyId = api.get(FOOD_HANDLER_2, "/api/workbench/copied").body().path("items").get(0).path("id").asText();
        String phraseId = api.post(FOOD_HANDLER, "/api/phrases", Map.of("content", "食品科私用常用语")).body()
                .path("id").asText();
        String proxyId = api.post(FOOD_HANDLER, "/api/proxies", Map.of("standIn", FOOD_HANDLER_2,
                "startsOn", "2026-01-01", "endsOn", "2026-12-31", "note", "食品科休假代理")).body().path("id").asText();
        // a supervision item with a sub-item for the food department
        Api.Response item = api.post(SUPERVISOR, "/api/supervision/items", Map.of("title", "食品科专项督办事项",
                "source", "INSTRUCTION", "sourceRef", "市领导批示", "description", "落实食品安全整治",
                "dueDate", "2026-12-31", "subItems", List.of(Map.of("unitDepartment", "SJ_FOOD",
                        "requirement", "食品科整改要求", "dueDate", "2026-12-18"))));
        assertThat(item.status()).as("%s", item.body()).isEqualTo(201);
        String itemId = item.body().path("id").asText();
        // and its draft notice to the fire brigade, with an attachment, not yet distributed
        JsonNode document = api.post(FOOD_HANDLER, "/api/documents", Map.of("kind", "NOTICE", "title", DOCUMENT_TITLE,
                "body", "<p>" + DOCUMENT_TEXT + "</p>", "mainRecipients", List.of("HZ_XF"))).body();
        String documentId = document.path("id").asText();
        String attachmentId = api.upload(FOOD_HANDLER, "/api/documents/" + documentId + "/attachments", "名单.txt",
                DOCUMENT_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body().path("id").asText();
        // the case group of the food department, a message and an attachment in it, a handler's notice
        long conversation = StreamSupport.stream(api.get(FOOD_HANDLER, "/api/conversations").body().spliterator(), false)
                .filter(c -> String.valueOf(caseId).equals(c.path("subjectKey").asText())).findFirst().orElseThrow()
                .path("id").asLong();
        String chat = "食品处内部意见：现场核查通过";
        long messageId = api.post(FOOD_HANDLER, "/api/conversations/" + conversation + "/messages", Map.of("text", chat))
                .body().path("id").asLong();
        long attachment = uploadText(api.token(FOOD_HANDLER), conversation, "核查记录.txt", chat);
        long notice = api.get(FOOD_HANDLER, "/api/notifications?size=1").body().path("items").get(0).path("id").asLong();
        List<String> secrets = List.of(caseNumber, taskId, Fixtures.CITIZEN_ID, "𠮷祥", "食品科内部抄送",
                "食品科私用常用语", "食品科休假代理", "食品科专项督办事项", "食品科整改要求", DOCUMENT_TITLE, DOCUMENT_TEXT,
                chat);

        // path prefix → parameter → the food department's object it names
        Map<String, Map<String, String>> values = new HashMap<>();
        values.put("/api/cases/{id}", Map.of("id", String.valueOf(caseId)));
        values.put("/api/tasks/{id}", Map.of("id", taskId, "username", FOOD_HANDLER_2));
        values.put("/api/workbench/copied/{copyId}", Map.of("copyId", copyId));
        values.put("/api/phrases/{id}", Map.of("id", phraseId));
        values.put("/api/proxies/{id}", Map.of("id", proxyId));
        values.put("/api/supervision/items/{id}", Map.of("id", itemId));
        values.put("/api/documents/{id}", Map.of("id", documentId, "version", "1", "step", "draft",
                "attachmentId", attachmentId));
        // the calendar is public data; changing it is for admins
        values.put("/api/calendar/", Map.of("year", "2026", "day", "2027-01-01"));
        values.put("/api/conversations/{id}", Map.of("id", String.valueOf(conversation),
                "messageId", String.valueOf(messageId), "attachmentId", String.valueOf(attachment)));
        values.put("/api/notifications/{id}", Map.of("id", String.valueOf(notice)));
        // designers and admins only: everyone else is refused before any object is looked up
        values.put("/api/designer/", Map.of("id", "1", "definitionId", "one-window-approval:1:x", "batchId", "x",
                "incidentId", "x"));

        String stranger = FIRE_HANDLER; // 消防救援支队: not dispatched on this case
        JsonNode paths = api.get(null, "/v3/api-docs").body().path("paths");
        List<String> walked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || OPEN.contains(method + " " + path.getKey())) {
                    continue;
                }
                String uri = fill(path.getKey(), values);
                Api.Response response = api.call(HttpMethod.valueOf(method), uri, api.token(stranger),
                        method.equals("GET") || method.equals("DELETE") ? null : Map.of());
                walked.add(method + " " + uri + " → " + response.status());
                if (response.status() == 403 || response.status() == 404) {
                    continue;
                }
                String body = response.body().toString();
                for (String secret : secrets) {
                    assertThat(body).as("%s %s answered %d with the food department's data", method, uri,
                            response.status()).doesNotContain(secret);
                }
            }
        }
        assertThat(walked).as("operations walked").hasSizeGreaterThan(8);
        // the food department's own people still see it all
        assertThat(api.get(FOOD_HANDLER, "/api/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(api.get(FOOD_HANDLER, "/api/cases/" + caseId).body().toString()).contains(caseNumber);
    }

    /** Uploads a text file to a conversation; its attachment id. */
    private long uploadText(String token, long conversation, String name, String text) throws Exception {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        String body = RestClient.create("http://127.0.0.1:" + port).post()
                .uri("/api/conversations/" + conversation + "/attachments")
                .header("Authorization", "Bearer " + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(String.class);
        return new ObjectMapper().readTree(body).path("id").asLong();
    }

    /** The path with its parameters filled from the objects of the department under test. */
    private static String fill(String template, Map<String, Map<String, String>> values) {
        // the longest known prefix decides
        Map<String, String> known = values.entrySet().stream().filter(e -> template.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(Map.of());
        Matcher m = PARAMETER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = known.get(m.group(1));
            if (value == null) {
                fail("No value for the path parameter {%s} of %s: teach EveryEndpointAuthorisationWebTests which "
                        + "object of the food department it names", m.group(1), template);
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return filled.toString();
    }
}
