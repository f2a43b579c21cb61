package org.tongban.engine.designer;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Small models for the designer tests, built with Camunda's fluent API (which also draws them). */
final class DesignerModels {

    private DesignerModels() {
    }

    /** v1: 填报 → end. */
    static String v1(String key) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("测试请示").camundaHistoryTimeToLive(180)
                .startEvent("start")
                .userTask("fill").name("填报").camundaCandidateGroups("SJ_FOOD:handler")
                .endEvent("end")
                .done());
    }

    /** v2: 填报 → 复核 (new) → end; 填报 keeps its id, so the generated plan maps it. */
    static String v2(String key) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("测试请示").camundaHistoryTimeToLive(180)
                .startEvent("start")
                .userTask("fill").name("填报").camundaCandidateGroups("SJ_FOOD:handler")
                .userTask("check").name("复核").camundaCandidateGroups("SJ_FOOD:reviewer")
                .endEvent("end")
                .done());
    }

    /** v3 renames 填报 to 起草 with a new id: the generated plan cannot map it. */
    static String renamed(String key) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("测试请示").camundaHistoryTimeToLive(180)
                .startEvent("start")
                .userTask("draft").name("起草").camundaCandidateGroups("SJ_FOOD:handler")
                .endEvent("end")
                .done());
    }

    /** An asynchronous service step calling {@code flakyTestDelegate}, which fails until told otherwise. */
    static String flaky(String key) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("故障测试").camundaHistoryTimeToLive(180)
                .startEvent("start")
                .serviceTask("callOutside").name("调用外部系统").camundaAsyncBefore()
                .camundaDelegateExpression("${flakyTestDelegate}")
                .userTask("after").name("后续").camundaCandidateGroups("SJ_FOOD:handler")
                .endEvent("end")
                .done();
        return Bpmn.convertToString(model);
    }
}
