package org.tongban.engine.designer.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;
import org.tongban.engine.designer.ModelProblem;
import org.tongban.engine.designer.ModelProblem.Source;

/**
 * Runs the engine's own BPMN parser — with every parse listener the engine has, the platform's sign-mode checks
 * included — over a model without deploying it: the parse builds process definitions in memory only and nothing
 * is written. Problems come from {@link ParseException#getResorceReports()}, which name their element.
 */
@Component
public class EngineParseCheck {

    /** Messages of the platform's parse listeners name the step as {@code 步骤 <id> 的 …}. */
    private static final Pattern STEP_ID = Pattern.compile("步骤 (\\S+) 的");

    private final ProcessEngineConfigurationImpl configuration;

    EngineParseCheck(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** The engine's errors and warnings for the model; empty when the engine would deploy it. */
    public List<ModelProblem> check(String resourceName, String xml) {
        BpmnParser parser = bpmnParser();
        Command<List<ModelProblem>> parse = commandContext -> {
            List<ModelProblem> problems = new ArrayList<>();
            try {
                BpmnParse bpmnParse = parser.createParse().deployment(new DeploymentEntity());
                bpmnParse.name(resourceName);
                bpmnParse.sourceInputStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                bpmnParse.execute();
                for (Problem warning : bpmnParse.getProblems()) {
                    problems.add(problem(ModelProblem.Severity.WARNING, warning));
                }
            } catch (ParseException e) {
                for (ResourceReport report : e.getResorceReports()) {
                    report.getErrors().forEach(p -> problems.add(problem(ModelProblem.Severity.ERROR, p)));
                    report.getWarnings().forEach(p -> problems.add(problem(ModelProblem.Severity.WARNING, p)));
                }
                if (problems.stream().noneMatch(ModelProblem::isError)) {
                    problems.add(ModelProblem.error(Source.ENGINE, null, e.getMessage()));
                }
            } catch (ProcessEngineException e) {
                // a parse listener refused the model (e.g. a sign mode that does not fit its task)
                Matcher step = STEP_ID.matcher(String.valueOf(e.getMessage()));
                problems.add(ModelProblem.error(Source.ENGINE, step.find() ? step.group(1) : null, e.getMessage()));
            }
            return problems;
        };
        return configuration.getCommandExecutorTxRequired().execute(parse);
    }

    private BpmnParser bpmnParser() {
        return configuration.getDeployers().stream()
                .filter(BpmnDeployer.class::isInstance)
                .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
    }

    private static ModelProblem problem(ModelProblem.Severity severity, Problem problem) {
        Integer line = problem.getLine() > 0 ? problem.getLine() : null;
        return new ModelProblem(severity, Source.ENGINE, problem.getMainElementId(), problem.getMessage(), line);
    }
}
