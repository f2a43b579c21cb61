package org.tongban.engine.cases;

import java.util.List;

/**
 * The BPMN diagram of a case's process version, with where the case has been and where it stands: what a
 * diagram viewer needs to highlight done and current steps.
 *
 * @param processKey          the process definition key, e.g. {@code one-window-approval}
 * @param processVersion      the deployed version the case runs on
 * @param bpmnXml             the BPMN 2.0 XML of that version (with its diagram interchange)
 * @param completedActivityIds activities (flow nodes) the case has finished at least once, in order of first completion
 * @param activeActivityIds   activities where the case waits now (open tasks, parallel branches)
 */
public record CaseDiagram(String processKey, int processVersion, String bpmnXml, List<String> completedActivityIds,
                          List<String> activeActivityIds) {
}
