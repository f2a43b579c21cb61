package org.tongban.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The plain-Camunda baseline: one-window-approval deployed under another key with its delegates replaced by beans
 * that only set the variables the model needs — no case rows, no timeline, no authorisation, no DMN.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RawCamundaBaseline {

    public static final String KEY = "bench-raw-one-window";
    static final Set<String> LEADER_DEPARTMENTS = Set.of("SJ_FOOD", "XF_FIRE");
    static final List<String> DEPARTMENTS = List.of("SJ_FOOD", "XF_FIRE", "HJ_APPROVAL", "CG_CITYSCAPE");

    /** Deploys the baseline model (idempotent across runs in one engine). */
    public static void deploy(RepositoryService repositoryService) {
        String xml;
        try (InputStream in = RawCamundaBaseline.class.getClassLoader()
                .getResourceAsStream("bpmn/one-window-approval.bpmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        xml = xml.replace("id=\"one-window-approval\"", "id=\"" + KEY + "\"")
                .replace("bpmnElement=\"one-window-approval\"", "bpmnElement=\"" + KEY + "\"")
                .replace("${refuseCaseDelegate}", "${benchNoop}")
                .replace("${closeCaseDelegate}", "${benchNoop}")
                .replace("${consolidateDecisionsDelegate}", "${benchConsolidate}")
                .replace("${dispatchDepartmentsDelegate}", "${benchDispatch}")
                .replace("${departmentReviewListener}", "${benchReviewListener}")
                .replace("${supplementClockListener}", "${benchNoopListener}")
                .replace("${reviewDueSoonDelegate}", "${benchNoop}")
                .replace("${reviewOverdueDelegate}", "${benchNoop}");
        repositoryService.createDeployment().name("benchmark baseline").enableDuplicateFiltering(true)
                .addString(KEY + ".bpmn", xml).deploy();
    }

    @Bean
    JavaDelegate benchNoop() {
        return execution -> { };
    }

    @Bean
    ExecutionListener benchNoopListener() {
        return execution -> { };
    }

    @Bean
    JavaDelegate benchDispatch() {
        return execution -> execution.setVariable("reviewDepartments", new ArrayList<>(DEPARTMENTS));
    }

    @Bean
    JavaDelegate benchConsolidate() {
        return execution -> execution.setVariable("outcome", "GRANTED");
    }

    @Bean
    ExecutionListener benchReviewListener() {
        return execution -> {
            if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
                execution.setVariableLocal("leaderRequired",
                        LEADER_DEPARTMENTS.contains((String) execution.getVariable("department")));
                execution.setVariableLocal("decision", null);
                // the task timers of the model read these; far off, like a fresh 10-day clock (they never fire here)
                execution.setVariableLocal("yellowAt", java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(7))));
                execution.setVariableLocal("dueAt", java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))));
            }
        };
    }
}
