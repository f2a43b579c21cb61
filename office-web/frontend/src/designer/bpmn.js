// Helpers shared by the designer's screens: a new model's XML, the camunda moddle extension, and reading and
// writing the platform's camunda:property conventions on a bpmn-js element.
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json'

export const moddleExtensions = { camunda: camundaModdle }

export const SIGN_PROPERTY = 'tongban:signMode'
export const PROMISED_DAYS = 'tongban:promisedDays'
export const LEADER_APPROVAL = 'tongban:leaderApproval'

/** A drawn model to start from: 开始 → 办理 → 结束, with a history time to live. */
export function newModelXml(key) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${key}" targetNamespace="http://tongban.org/bpmn">
  <bpmn:process id="${key}" name="新流程" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理"><bpmn:incoming>flow_1</bpmn:incoming><bpmn:outgoing>flow_2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="flow_2" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>flow_2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_${key}">
    <bpmndi:BPMNPlane id="plane_${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="handle_di" bpmnElement="handle"><dc:Bounds x="250" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow_1_di" bpmnElement="flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="250" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_2_di" bpmnElement="flow_2"><di:waypoint x="350" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`
}

/** The value of a camunda:property of a business object, or ''. */
export function propertyOf(bo, name) {
  const props = (bo?.extensionElements?.values || []).find((v) => v.$type === 'camunda:Properties')
  return (props?.values || []).find((p) => p.name === name)?.value ?? ''
}

/** Sets (or, with an empty value, removes) a camunda:property, as one undoable change. */
export function setProperty(modeler, element, name, value) {
  const bo = element.businessObject
  const moddle = modeler.get('moddle')
  const ext = bo.extensionElements || moddle.create('bpmn:ExtensionElements', { values: [] })
  ext.$parent = bo
  let props = (ext.values || []).find((v) => v.$type === 'camunda:Properties')
  if (!props) {
    props = moddle.create('camunda:Properties', { values: [] })
    props.$parent = ext
    ext.values = [...(ext.values || []), props]
  }
  props.values = (props.values || []).filter((p) => p.name !== name)
  if (value !== '' && value !== null && value !== undefined) {
    const property = moddle.create('camunda:Property', { name, value: String(value) })
    property.$parent = props
    props.values.push(property)
  }
  if (!props.values.length) ext.values = ext.values.filter((v) => v !== props)
  modeler.get('modeling').updateProperties(element, { extensionElements: ext.values.length ? ext : undefined })
}

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn'

/**
 * Some tools bind the prefix `camunda` to another namespace (C.1.0 of the MIWG suite: Activiti's). bpmn-js reserves
 * `camunda` for Camunda's extension and would lose that namespace on export, so such a file's prefix is renamed
 * before import; the namespace and everything in it stay as they are. Returns the XML and the new prefix, if any.
 */
export function withoutPrefixClash(xml) {
  const bound = xml.match(/xmlns:camunda\s*=\s*"([^"]*)"/)
  if (!bound || bound[1] === CAMUNDA_NS) return { xml, prefix: null, namespace: null }
  let prefix = bound[1] === 'http://activiti.org/bpmn' ? 'activiti' : 'camundaImported'
  while (xml.includes(`xmlns:${prefix}=`)) prefix += 'X'
  const renamed = xml
    .replace(/xmlns:camunda(\s*=)/g, `xmlns:${prefix}$1`)
    .replace(/(<\/?)camunda:/g, `$1${prefix}:`)
    .replace(/(\s)camunda:([A-Za-z_][\w.-]*\s*=)/g, `$1${prefix}:$2`)
  return { xml: renamed, prefix, namespace: bound[1] }
}
