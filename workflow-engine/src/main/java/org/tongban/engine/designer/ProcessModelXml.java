package org.tongban.engine.designer;

/** The BPMN XML of one deployed version. */
public record ProcessModelXml(String processDefinitionId, String processKey, int version, String xml) {
}
