package org.tongban.engine.approval.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.SequentialMultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.tongban.engine.approval.SignMode;

/**
 * Adds the platform's behaviour to every deployed model, so no model has to declare it: the todo read model's
 * task listeners on every user task, the subject listener on every process, and the sign-step behaviour on every
 * multi-instance user task with {@code tongban:signMode}. A sign mode that does not fit its task fails the
 * deployment with a message saying why.
 */
class ApprovalParseListener extends AbstractBpmnParseListener {

    private static final List<String> TASK_EVENTS = List.of(TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    private final WorkItemListener workItems;
    private final SubjectListener subjects;

    ApprovalParseListener(WorkItemListener workItems, SubjectListener subjects) {
        this.workItems = workItems;
        this.subjects = subjects;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, subjects);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, subjects);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (String event : TASK_EVENTS) {
            definition.addBuiltInTaskListener(event, workItems);
        }
        if (signMode(userTaskElement).isPresent() && isMultiInstanceBody(scope)) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, SignStepListeners.INSTANCE);
            // counted before the read model forgets the task, and before the body checks its condition
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, SignStepListeners.COMPLETE);
        }
    }

    @Override
    public void parseMultiInstanceLoopCharacteristics(Element activityElement, Element loopCharacteristics,
                                                      ActivityImpl body) {
        Optional<SignMode> mode = signMode(activityElement);
        if (mode.isEmpty()) {
            return;
        }
        String id = activityElement.attribute("id");
        if (!"userTask".equals(activityElement.getTagName())) {
            throw invalid(id, "只有用户任务可以设置签署方式");
        }
        MultiInstanceActivityBehavior behavior = (MultiInstanceActivityBehavior) body.getActivityBehavior();
        boolean sequential = behavior instanceof SequentialMultiInstanceActivityBehavior;
        if (sequential != (mode.get() == SignMode.SEQUENTIAL)) {
            throw invalid(id, mode.get() == SignMode.SEQUENTIAL ? "依次审批必须是串行多实例 (isSequential=\"true\")"
                    : mode.get().label() + "必须是并行多实例 (isSequential=\"false\")");
        }
        if (behavior.getCompletionConditionExpression() != null) {
            throw invalid(id, "签署方式决定何时完成，不能再写 completionCondition");
        }
        if (behavior.getCollectionElementVariable() == null
                || (behavior.getCollectionVariable() == null && behavior.getCollectionExpression() == null)) {
            throw invalid(id, "签署步骤需要签署人名单：camunda:collection 和 camunda:elementVariable");
        }
        behavior.setCompletionConditionExpression(Context.getProcessEngineConfiguration().getExpressionManager()
                .createExpression(SignStepListeners.completionCondition(mode.get())));
        body.addBuiltInListener(ExecutionListener.EVENTNAME_START, SignStepListeners.BODY);
        body.addBuiltInListener(ExecutionListener.EVENTNAME_END, SignStepListeners.BODY);
    }

    private static boolean isMultiInstanceBody(ScopeImpl scope) {
        return scope.getId() != null && scope.getId().endsWith(BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX);
    }

    /** The {@code tongban:signMode} property of an activity, if set; an unknown value is a deployment error. */
    static Optional<SignMode> signMode(Element activityElement) {
        Element extensions = activityElement.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (SignMode.PROPERTY.equals(property.attribute("name"))) {
                String value = property.attribute("value");
                return Optional.of(SignMode.parse(value).orElseThrow(() -> invalid(activityElement.attribute("id"),
                        "未知的签署方式 " + value + "，应为 COUNTERSIGN、ANY_SIGN 或 SEQUENTIAL")));
            }
        }
        return Optional.empty();
    }

    private static ProcessEngineException invalid(String activityId, String message) {
        return new ProcessEngineException("步骤 " + activityId + " 的 " + SignMode.PROPERTY + " 无效：" + message);
    }
}
