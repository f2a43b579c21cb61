package org.tongban.office.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.tongban.TongbanApplication;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.StompClient;

/**
 * Two application instances on two ports in this JVM, sharing one MariaDB database and RabbitMQ (profile
 * {@code cluster}): a person connected to node B gets live what node A does — the notice of a task that a
 * completion through A offered to their department, a chat message posted through A — and a BPMN timer fires once,
 * not once per node, though both nodes run the job executor.
 */
class TwoNodeClusterTests {

    /** Which node ran each timer's job, by process instance. */
    static final Map<String, List<String>> FIRED = new ConcurrentHashMap<>();

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws InterruptedException {
        String database = "tongban_test_cluster_" + Long.toHexString(System.nanoTime());
        nodeA = start("a", database); // the first node migrates and seeds the shared database
        nodeB = start("b", database);
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            StompBrokerRelayMessageHandler relay = node.getBean(StompBrokerRelayMessageHandler.class);
            for (int i = 0; i < 150 && !relay.isBrokerAvailable(); i++) {
                Thread.sleep(100);
            }
            assertThat(relay.isBrokerAvailable()).as("RabbitMQ's STOMP plugin on 127.0.0.1:61613 (bin/test starts it)")
                    .isTrue();
        }
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    static ConfigurableApplicationContext start(String node, String database) {
        return new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("cluster")
                .initializers(context -> context.getBeanFactory().registerSingleton("clusterTimerProbe", new TimerProbe(node)))
                .run("--server.port=0", "--tongban.test.shared-database=" + database,
                        "--tongban.security.jwt-secret=two-nodes-share-this-token-key-0123456789",
                        // the job executor looks for due jobs often, so the timers below are taken promptly
                        "--tongban.test.job-execution=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                        "--spring.application.name=tongban-" + node);
    }

    @Test
    void whatNodeADoesReachesAPersonConnectedToNodeB() throws Exception {
        Api a = new Api(port(nodeA));
        Api b = new Api(port(nodeB));
        try (StompClient reader = StompClient.connect(port(nodeB), b.token(FOOD_HANDLER_2))) {
            StompClient.Inbox messages = reader.subscribe("/user/queue/messages");
            StompClient.Inbox notices = reader.subscribe("/user/queue/notifications");
            reader.sync();
            long group = a.post(FOOD_HANDLER, "/api/conversations", Map.of("title", "两个节点",
                    "members", List.of(FOOD_HANDLER_2))).body().path("id").asLong();
            awaitRelayedSubscription(a, group, messages);

            a.post(FOOD_HANDLER, "/api/conversations/" + group + "/messages", Map.of("text", "从节点 A 发出"));
            JsonNode message = messages.next(m -> m.path("text").asText().equals("从节点 A 发出"));
            assertThat(message.path("senderName").asText()).isEqualTo("李强");

            JsonNode created = a.post(WINDOW_CLERK, "/api/cases", Fixtures.aFoodLicenceCase()).body();
            String intake = created.path("openSteps").get(0).path("taskId").asText();
            assertThat(a.post(WINDOW_CLERK, "/api/tasks/" + intake + "/complete", Map.of("decision", "ACCEPT"))
                    .status()).isEqualTo(204);
            JsonNode notice = notices.next(n -> n.path("title").asText().contains(created.path("title").asText()));
            assertThat(notice.path("type").asText()).isEqualTo("TASK_OFFERED");
        }
        // and the history is the same through either node
        assertThat(b.get(FOOD_HANDLER_2, "/api/conversations").body().toString()).contains("从节点 A 发出");
    }

    @Test
    void aBpmnTimerFiresOnceThoughBothNodesRunTheJobExecutor() throws InterruptedException {
        ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
        ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
        for (ProcessEngine engine : List.of(engineA, engineB)) {
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                    .isActive()).isTrue();
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess("cluster-timer-probe").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("wait").timerWithDuration("PT1S")
                .serviceTask("fire").camundaExpression("${clusterTimerProbe.fired(execution)}")
                .endEvent().done();
        engineA.getRepositoryService().createDeployment().name("cluster-timer-probe")
                .addModelInstance("cluster-timer-probe.bpmn", model).deploy();
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? engineA : engineB).getRuntimeService().startProcessInstanceByKey("cluster-timer-probe");
        }
        for (int i = 0; i < 300 && engineA.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("cluster-timer-probe").count() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(engineA.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cluster-timer-probe")
                .count()).as("instances still waiting for their timer").isZero();
        assertThat(FIRED).hasSize(10);
        assertThat(FIRED.values()).allSatisfy(nodes -> assertThat(nodes).hasSize(1));
        assertThat(engineB.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("cluster-timer-probe")
                .successLog().count()).isEqualTo(10);
    }

    /**
     * Node B's subscription reaches RabbitMQ over its own connection, a moment after the client's SUBSCRIBE was
     * handled: posts through node A until one arrives, so the assertions that follow are about delivery, not timing.
     */
    private static void awaitRelayedSubscription(Api a, long group, StompClient.Inbox inbox) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            a.post(FOOD_HANDLER, "/api/conversations/" + group + "/messages", Map.of("text", "探测 " + i));
            if (inbox.poll(Duration.ofMillis(500)) != null) {
                return;
            }
        }
        throw new AssertionError("no message posted through node A reached node B's subscriber within 20 s");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    /** The service task of the probe model: records which node ran it. */
    public static class TimerProbe {
        private final String node;

        TimerProbe(String node) {
            this.node = node;
        }

        public void fired(DelegateExecution execution) {
            FIRED.computeIfAbsent(execution.getProcessInstanceId(), k -> new CopyOnWriteArrayList<>()).add(node);
        }
    }
}
