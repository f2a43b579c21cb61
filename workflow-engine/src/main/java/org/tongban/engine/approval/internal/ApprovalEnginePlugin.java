package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.stereotype.Component;

/** Registers {@link ApprovalParseListener} with the engine (the Camunda starter picks up plugin beans). */
@Component
class ApprovalEnginePlugin implements ProcessEnginePlugin {

    private final WorkItemListener workItems;
    private final SubjectListener subjects;

    ApprovalEnginePlugin(WorkItemListener workItems, SubjectListener subjects) {
        this.workItems = workItems;
        this.subjects = subjects;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new ApprovalParseListener(workItems, subjects));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
