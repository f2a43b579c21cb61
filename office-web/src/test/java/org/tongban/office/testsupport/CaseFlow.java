package org.tongban.office.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Drives one-window cases through the REST API as the demo people would. */
public class CaseFlow {

    private final Api api;

    public CaseFlow(Api api) {
        this.api = api;
    }

    /** 食品经营许可 for a person, from intake to closed: handle, review, leader approval when needed, deliver. */
    public void runFoodLicenceToClosed(long caseId) {
        complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", "材料齐全");
        complete(FOOD_HANDLER, caseId, "handle", "GRANT", "符合条件");
        complete(FOOD_REVIEWER, caseId, "review", "GRANT", "同意");
        JsonNode steps = api.get(WINDOW_CLERK, "/api/cases/" + caseId).body().path("openSteps");
        if (StreamSupport.stream(steps.spliterator(), false)
                .anyMatch(s -> s.path("activityId").asText().equals("leaderApproval"))) {
            complete(FOOD_LEADER, caseId, "leaderApproval", "GRANT", "同意");
        }
        complete(WINDOW_CLERK_2, caseId, "deliver", null, "窗口领取");
    }

    public void complete(String user, long caseId, String activityId, String decision, String opinion) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("opinion", opinion);
        Api.Response r = api.post(user, "/api/tasks/" + taskId(user, caseId, activityId) + "/complete", body);
        assertThat(r.status()).as("%s completes %s: %s", user, activityId, r.body()).isEqualTo(204);
    }

    public String taskId(String user, long caseId, String activityId) {
        JsonNode items = api.get(user, "/api/tasks?size=100").body().path("items");
        List<String> ids = StreamSupport.stream(items.spliterator(), false)
                .filter(t -> t.path("subject").path("id").asLong() == caseId
                        && t.path("activityId").asText().equals(activityId))
                .map(t -> t.path("id").asText()).toList();
        assertThat(ids).as("%s's %s task on %d", user, activityId, caseId).hasSize(1);
        return ids.get(0);
    }
}
