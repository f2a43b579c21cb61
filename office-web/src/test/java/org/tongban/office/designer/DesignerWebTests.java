package org.tongban.office.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.DESIGNER;
import static org.tongban.engine.testsupport.TestUsers.FOOD_HANDLER;
import static org.tongban.engine.testsupport.TestUsers.PASSWORD;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.tongban.office.testsupport.Api;

/**
 * The designer's REST API end to end: validation, a refused bad deployment, deploy → a case started over
 * Camunda's REST API → a new version → preview and migrate → the case continues on the new version; and Camunda
 * Modeler's own deployment request (multipart over {@code /engine-rest/deployment/create} with HTTP Basic).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesignerWebTests {

    @LocalServerPort
    int port;

    @Test
    void validatesDeploysAndMigratesARunningCaseOverRest() {
        Api api = new Api(port);
        String key = "rest-migration-test";

        JsonNode report = api.post(DESIGNER, "/api/designer/validation",
                Map.of("xml", model(key, false).replace("SJ_FOOD:handler", "NOWHERE:handler"))).body();
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("problems").toString()).contains("\"elementId\":\"fill\"", "部门 NOWHERE 不存在");

        Api.Response refused = api.post(DESIGNER, "/api/designer/deployments",
                Map.of("xml", model(key, false).replace("${noSuch", "").replace("SJ_FOOD:handler", "NOWHERE:handler")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("fill").asText()).isEqualTo("部门 NOWHERE 不存在");
        assertThat(api.get(DESIGNER, "/engine-rest/process-definition/count?key=" + key).body().path("count").asInt())
                .isZero();

        JsonNode draft = api.post(DESIGNER, "/api/designer/drafts", Map.of("xml", model(key, false))).body();
        assertThat(draft.path("processKey").asText()).isEqualTo(key);
        Api.Response v1 = api.post(DESIGNER, "/api/designer/deployments",
                Map.of("xml", model(key, false), "draftId", draft.path("id").asLong()));
        assertThat(v1.status()).as("%s", v1.body()).isEqualTo(201);
        assertThat(api.get(DESIGNER, "/api/designer/drafts/" + draft.path("id").asLong()).status()).isEqualTo(404);
        String v1Id = v1.body().path("processDefinitionId").asText();

        Api.Response started = api.post(DESIGNER, "/engine-rest/process-definition/" + v1Id + "/start",
                Map.of("businessKey", "REST-MIG-1"));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
        String instance = started.body().path("id").asText();

        String v2Id = api.post(DESIGNER, "/api/designer/deployments", Map.of("xml", model(key, true))).body()
                .path("processDefinitionId").asText();
        JsonNode process = StreamSupport.stream(api.get(DESIGNER, "/api/designer/processes").body().spliterator(), false)
                .filter(p -> p.path("key").asText().equals(key)).findFirst().orElseThrow();
        assertThat(process.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(process.path("versions").get(1).path("runningCases").asLong()).isEqualTo(1);
        assertThat(api.get(DESIGNER, "/api/designer/diff?from=" + v1Id + "&to=" + v2Id).body().path("added")
                .toString()).contains("\"elementId\":\"check\"");
        assertThat(api.get(DESIGNER, "/api/designer/definitions/" + v1Id + "/heatmap").body().path("activities")
                .toString()).contains("\"activityId\":\"fill\",\"activityName\":\"填报\",\"running\":1");

        Map<String, Object> form = Map.of("sourceDefinitionId", v1Id, "targetDefinitionId", v2Id, "async", false);
        JsonNode preview = api.post(DESIGNER, "/api/designer/migrations/preview", form).body();
        assertThat(preview.path("cases").get(0).path("businessKey").asText()).isEqualTo("REST-MIG-1");
        assertThat(preview.path("cases").get(0).path("steps").get(0).path("targetActivityId").asText()).isEqualTo("fill");
        Api.Response migrated = api.post(DESIGNER, "/api/designer/migrations", form);
        assertThat(migrated.status()).as("%s", migrated.body()).isEqualTo(202);
        assertThat(migrated.body().path("done").asBoolean()).isTrue();

        JsonNode task = api.get(DESIGNER, "/engine-rest/task?processInstanceId=" + instance).body().get(0);
        assertThat(task.path("processDefinitionId").asText()).isEqualTo(v2Id);
        assertThat(api.post(DESIGNER, "/engine-rest/task/" + task.path("id").asText() + "/complete", Map.of())
                .status()).isEqualTo(204);
        assertThat(api.get(DESIGNER, "/engine-rest/task?processInstanceId=" + instance).body().get(0)
                .path("taskDefinitionKey").asText()).isEqualTo("check");

        // the audit trail has the REST API's writes too, as templates with the id beside them
        JsonNode audited = api.get("shenji", "/api/audit/records?objectType=engine-rest&objectId="
                + task.path("id").asText()).body();
        assertThat(audited.path("items")).singleElement().satisfies(r -> {
            assertThat(r.path("action").asText()).isEqualTo("POST /engine-rest/task/{id}/complete");
            assertThat(r.path("actor").asText()).isEqualTo(DESIGNER);
            assertThat(r.path("detail").asText()).contains("\"status\":204", "/engine-rest/task/" + task.path("id").asText());
        });
        assertThat(api.get("shenji", "/api/audit/records?objectType=engine-rest&objectId=" + v1Id).body()
                .path("items").findValuesAsText("action")).contains("POST /engine-rest/process-definition/{id}/start");
    }

    @Test
    void isRefusedToEveryoneButDesignersAndAdmins() {
        Api api = new Api(port);
        assertThat(api.get(FOOD_HANDLER, "/api/designer/processes").status()).isEqualTo(403);
        assertThat(api.post(WINDOW_CLERK, "/api/designer/deployments", Map.of("xml", model("x-test", false)))
                .status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/designer/catalog").status()).isEqualTo(200);
        assertThat(api.get(DESIGNER, "/api/designer/catalog").body().path("delegateBeans").toString())
                .contains("closeCaseDelegate");
    }

    @Test
    void takesCamundaModelersDeploymentRequestWithDesignerCredentials() throws Exception {
        String key = "modeler-deploy-test";
        ModelerResponse deployed = modelerDeploy(DESIGNER, PASSWORD, key);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(deployed.body());
        assertThat(body.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(body.path("deployedProcessDefinitions").toString()).contains("\"key\":\"" + key + "\"");
        // deploy-changed-only: the same file again adds no version
        assertThat(new ObjectMapper().readTree(modelerDeploy(DESIGNER, PASSWORD, key).body())
                .path("deployedProcessDefinitions").isNull()).isTrue();

        assertThat(modelerDeploy(DESIGNER, "wrong-password", key).status()).isEqualTo(401);
        assertThat(modelerDeploy(FOOD_HANDLER, PASSWORD, key).status()).isEqualTo(403);
        assertThat(modelerDeploy("nobody", PASSWORD, key).status()).isEqualTo(401);
        // Basic counts on /engine-rest only
        int basicOnApi = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/designer/processes")
                .header(HttpHeaders.AUTHORIZATION, basic(DESIGNER, PASSWORD))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(basicOnApi).isEqualTo(401);
    }

    /** What Camunda Modeler 5 sends to {@code <endpoint>/deployment/create}. */
    private ModelerResponse modelerDeploy(String username, String password, String key) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", key);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        String file = key + ".bpmn";
        parts.add(file, new ByteArrayResource(model(key, false).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, basic(username, password))
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> new ModelerResponse(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private record ModelerResponse(int status, String body) {
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** 填报 (→ 复核 when {@code withCheck}) with the diagram, as the designer saves it. */
    static String model(String key, boolean withCheck) {
        String check = withCheck ? """
                    <bpmn:userTask id="check" name="复核" camunda:candidateGroups="SJ_FOOD:reviewer">
                      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end"/>
                """ : "";
        String toEnd = withCheck ? "check" : "end";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://tongban.org/test">
                  <bpmn:process id="%1$s" name="测试请示" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fill"/>
                    <bpmn:userTask id="fill" name="填报" camunda:candidateGroups="SJ_FOOD:handler">
                      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="fill" targetRef="%2$s"/>
                %3$s
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="diagram">
                    <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="fill_di" bpmnElement="fill"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="500" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key, toEnd, check);
    }
}
