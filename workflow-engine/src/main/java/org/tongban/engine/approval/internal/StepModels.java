package org.tongban.engine.approval.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import org.tongban.engine.approval.SignMode;

/**
 * What the deployed models say about their steps: sign modes and signer lists, names, and which steps follow
 * which (for send-back and withdraw). Reads the engine's cached model instances.
 */
@Component
public class StepModels {

    /** Suffix of a multi-instance body's id in activity instance trees. */
    public static final String BODY_SUFFIX = "#multiInstanceBody";

    private static final Pattern SIMPLE_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final RepositoryService repositoryService;
    /** Sign steps by definition id and activity id (a few per deployed model; answers are tiny). */
    private final Map<String, Optional<SignStep>> signSteps = new ConcurrentHashMap<>();

    StepModels(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /**
     * A multi-instance user task with a sign mode. {@code collectionVariable} is the variable holding the signer
     * list, or null when the model computes the list with an expression (then the list cannot be changed).
     */
    public record SignStep(SignMode mode, String activityId, String collectionVariable, String elementVariable) {
    }

    public Optional<SignStep> signStep(String processDefinitionId, String activityId) {
        // a deployed definition never changes, so neither do its steps: every todo row asks, once per page row
        return signSteps.computeIfAbsent(processDefinitionId + '\n' + activityId,
                k -> readSignStep(processDefinitionId, activityId));
    }

    private Optional<SignStep> readSignStep(String processDefinitionId, String activityId) {
        if (!(element(processDefinitionId, activityId) instanceof UserTask task)
                || !(task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop)) {
            return Optional.empty();
        }
        return signMode(task).map(mode -> new SignStep(mode, activityId, variableName(loop.getCamundaCollection()),
                loop.getCamundaElementVariable()));
    }

    public boolean isUserTask(String processDefinitionId, String activityId) {
        return element(processDefinitionId, activityId) instanceof UserTask;
    }

    /** The step's name, or its id when it has none. */
    public String name(String processDefinitionId, String activityId) {
        BaseElement element = element(processDefinitionId, activityId);
        return element instanceof FlowElement f && f.getName() != null ? f.getName() : activityId;
    }

    /** The flow nodes that follow {@code activityId} in its own scope, directly or not (boundary events included). */
    public Set<String> reachableFrom(String processDefinitionId, String activityId) {
        BpmnModelInstance model = model(processDefinitionId);
        Set<String> reached = new LinkedHashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        if (model.getModelElementById(activityId) instanceof FlowNode start) {
            todo.add(start);
        }
        Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
        Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
        while (!todo.isEmpty()) {
            FlowNode node = todo.poll();
            // by sourceRef: a model need not list a node's <outgoing> flows
            for (SequenceFlow flow : flows.stream().filter(f -> f.getSource() == node).toList()) {
                if (reached.add(flow.getTarget().getId())) {
                    todo.add(flow.getTarget());
                }
            }
            if (node instanceof Activity) {
                boundaries.stream().filter(b -> b.getAttachedTo() == node && reached.add(b.getId())).forEach(todo::add);
            }
        }
        return reached;
    }

    /**
     * A joining gateway between {@code from} and {@code to} with an incoming branch that does not start after
     * {@code from}: going back from {@code to} to {@code from} would leave that branch's token consumed and the
     * join waiting for ever.
     */
    public Optional<String> joinBetween(String processDefinitionId, String from, String to) {
        BpmnModelInstance model = model(processDefinitionId);
        Set<String> afterFrom = reachableFrom(processDefinitionId, from);
        for (String id : afterFrom) {
            BaseElement element = model.getModelElementById(id);
            List<SequenceFlow> incoming = model.getModelElementsByType(SequenceFlow.class).stream()
                    .filter(f -> f.getTarget() == element).toList();
            boolean joining = (element instanceof ParallelGateway || element instanceof InclusiveGateway
                    || element instanceof ComplexGateway) && incoming.size() > 1;
            if (!joining || !(id.equals(to) || reachableFrom(processDefinitionId, id).contains(to))) {
                continue;
            }
            boolean allBranchesAfterFrom = incoming.stream()
                    .map(f -> f.getSource().getId()).allMatch(s -> s.equals(from) || afterFrom.contains(s));
            if (!allBranchesAfterFrom) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The model activity of an activity instance's activity id (a multi-instance body stands for its activity). */
    public static String activityOf(String instanceActivityId) {
        return instanceActivityId.endsWith(BODY_SUFFIX)
                ? instanceActivityId.substring(0, instanceActivityId.length() - BODY_SUFFIX.length())
                : instanceActivityId;
    }

    private static Optional<SignMode> signMode(UserTask task) {
        if (task.getExtensionElements() == null) {
            return Optional.empty();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> SignMode.PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().flatMap(SignMode::parse);
    }

    private static String variableName(String collection) {
        if (collection == null) {
            return null;
        }
        Matcher m = SIMPLE_EXPRESSION.matcher(collection.strip());
        if (m.matches()) {
            return m.group(1);
        }
        return IDENTIFIER.matcher(collection.strip()).matches() ? collection.strip() : null;
    }

    private BaseElement element(String processDefinitionId, String activityId) {
        return model(processDefinitionId).getModelElementById(activityId) instanceof BaseElement e ? e : null;
    }

    private BpmnModelInstance model(String processDefinitionId) {
        // served from the engine's deployment cache after the first call
        return repositoryService.getBpmnModelInstance(processDefinitionId);
    }
}
