package org.tongban.office.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;

/** State changes, refusals and logins land in the hash-chained audit trail; auditors read and verify it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditWebTests {

    static final String AUDITOR = "shenji";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void changesRefusalsAndLoginsAreRecordedAndTheChainVerifies() {
        Api api = new Api(port);
        JsonNode created = api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
        long caseId = created.path("id").asLong();
        String intake = created.path("openSteps").get(0).path("taskId").asText();
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT")).status())
                .isEqualTo(204);
        // the engine-side record of the operation, besides the request's
        JsonNode task = api.get(AUDITOR, "/api/audit/records?objectType=task&objectId=" + intake).body();
        assertThat(actions(task)).contains("task.complete SUCCESS " + WINDOW_CLERK);
        assertThat(task.path("items").get(0).path("detail").asText()).contains("\"decision\":\"ACCEPT\"")
                .contains("\"activity\":\"intake\"");
        api.call(HttpMethod.POST, "/api/auth/login", null, Map.of("username", FOOD_REVIEWER, "password", "nope"));
        assertThat(api.get(FIRE_HANDLER, "/api/cases/" + caseId).status()).isEqualTo(404);

        JsonNode mine = api.get(AUDITOR, "/api/audit/records?objectType=cases&objectId=" + caseId + "&size=50").body();
        assertThat(actions(mine)).contains("GET /api/cases/{id} DENIED " + FIRE_HANDLER);
        JsonNode byClerk = api.get(AUDITOR, "/api/audit/records?user=" + WINDOW_CLERK).body();
        assertThat(actions(byClerk)).contains("POST /api/cases SUCCESS " + WINDOW_CLERK, "auth.login SUCCESS " + WINDOW_CLERK);
        assertThat(actions(api.get(AUDITOR, "/api/audit/records?user=" + FOOD_REVIEWER).body()))
                .contains("auth.login.failed FAILURE " + FOOD_REVIEWER);

        JsonNode verification = api.get(AUDITOR, "/api/audit/verification").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("checked").asLong()).isGreaterThan(3);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        Api api = new Api(port);
        assertThat(api.get(WINDOW_CLERK, "/api/audit/records").status()).isEqualTo(403);
        assertThat(api.get(SUPERVISOR, "/api/audit/verification").status()).isEqualTo(403);
        assertThat(api.get(ADMIN, "/api/audit/records").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/audit/records").status()).isEqualTo(401);
    }

    @Test
    void aRecordChangedDirectlyInTheDatabaseIsNamed() {
        Api api = new Api(port);
        api.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase());
        long victim = jdbc.queryForObject("SELECT MAX(id) FROM tb_audit_record WHERE actor = ?", Long.class,
                WINDOW_CLERK);
        String original = jdbc.queryForObject("SELECT actor FROM tb_audit_record WHERE id = ?", String.class, victim);
        jdbc.update("UPDATE tb_audit_record SET actor = 'someone-else' WHERE id = ?", victim);
        try {
            JsonNode broken = api.get(AUDITOR, "/api/audit/verification").body();
            assertThat(broken.path("ok").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenId").asLong()).isEqualTo(victim);
        } finally {
            jdbc.update("UPDATE tb_audit_record SET actor = ? WHERE id = ?", original, victim);
        }
        assertThat(api.get(AUDITOR, "/api/audit/verification").body().path("ok").asBoolean()).isTrue();
    }

    private static java.util.List<String> actions(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(r -> r.path("action").asText() + " " + r.path("result").asText() + " " + r.path("actor").asText())
                .toList();
    }
}
