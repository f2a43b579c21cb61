package org.tongban.office.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;

/** GET /api/cases/{id}/diagram: the model with done and current steps, visible like the case itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDiagramWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theDiagramShowsDoneAndCurrentStepsToThoseWhoMaySeeTheCase() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long id = created.path("id").asLong();

        JsonNode received = api.get(WINDOW_CLERK, "/api/cases/" + id + "/diagram").body();
        assertThat(received.path("processKey").asText()).isEqualTo("one-window-approval");
        assertThat(received.path("processVersion").asInt()).isPositive();
        assertThat(received.path("bpmnXml").asText()).contains("id=\"one-window-approval\"").contains("BPMNDiagram");
        assertThat(ids(received, "completedActivityIds")).containsExactly("caseCreated");
        assertThat(ids(received, "activeActivityIds")).containsExactly("intake");

        String intake = created.path("openSteps").get(0).path("taskId").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT"))
                .status()).isEqualTo(204);
        JsonNode inReview = api.get(FOOD_HANDLER, "/api/cases/" + id + "/diagram").body();
        assertThat(ids(inReview, "completedActivityIds"))
                .containsSubsequence("caseCreated", "intake", "intakeDecided", "dispatch")
                .doesNotContain("handle", "deliver");
        assertThat(ids(inReview, "activeActivityIds")).contains("departmentReview", "handle")
                .doesNotContain("intake").allSatisfy(a -> assertThat(a).doesNotContain("#"));

        // another department, not dispatched on this case: no diagram, no data
        for (String stranger : List.of(FIRE_HANDLER, "xuli")) {
            Api.Response refused = api.get(stranger, "/api/cases/" + id + "/diagram");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body().toString()).doesNotContain("bpmnXml").doesNotContain("𠮷祥");
        }
        assertThat(api.get(WINDOW_CLERK, "/api/cases/999999999/diagram").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/cases/" + id + "/diagram").status()).isEqualTo(401);
    }

    @Test
    void aRefusedCaseEndsAtTheRefusalWithNothingActive() {
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long id = created.path("id").asLong();
        String intake = created.path("openSteps").get(0).path("taskId").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete",
                Map.of("decision", "REFUSE", "opinion", "不属于本窗口受理范围")).status()).isEqualTo(204);
        JsonNode refused = api.get(WINDOW_CLERK, "/api/cases/" + id + "/diagram").body();
        assertThat(ids(refused, "completedActivityIds")).endsWith("recordRefusal", "refused")
                .doesNotContain("dispatch");
        assertThat(ids(refused, "activeActivityIds")).isEmpty();
    }

    private static List<String> ids(JsonNode diagram, String field) {
        return StreamSupport.stream(diagram.path(field).spliterator(), false).map(JsonNode::asText).toList();
    }
}
