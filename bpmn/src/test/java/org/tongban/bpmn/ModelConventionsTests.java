package org.tongban.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conventions every model under {@code src/main/resources/bpmn} keeps: file name = id = a {@link ProcessKeys}
 * constant, a history time to live, and Java called only as {@code delegateExpression="${beanName}"}.
 */
class ModelConventionsTests {

    private static final Path MODELS = Path.of(System.getProperty("basedir", "."), "src/main/resources/bpmn");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private static List<Path> bpmnFiles;
    private static List<Path> dmnFiles;

    @BeforeAll
    static void findModels() throws IOException {
        bpmnFiles = modelFiles(".bpmn");
        dmnFiles = modelFiles(".dmn");
    }

    @Test
    void namesEachProcessAfterItsFileAndAProcessKey() {
        assertThat(bpmnFiles).isNotEmpty();
        for (Path file : bpmnFiles) {
            Collection<Process> processes = readBpmn(file).getModelElementsByType(Process.class);
            assertThat(processes).as("%s holds one process", file.getFileName()).hasSize(1);
            Process process = processes.iterator().next();
            assertThat(process.getId()).as("process id in %s", file.getFileName()).isEqualTo(baseName(file));
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(ModelBeans.processKeys()).as("ProcessKeys constants").contains(process.getId());
        }
    }

    @Test
    void namesEachDecisionFileAfterItsDecisionAndAProcessKey() {
        assertThat(dmnFiles).isNotEmpty();
        for (Path file : dmnFiles) {
            DmnModelInstance model = readDmn(file);
            Optional<Decision> decision = model.getModelElementsByType(Decision.class).stream()
                    .filter(d -> d.getId().equals(baseName(file)))
                    .findFirst();
            assertThat(decision).as("%s holds a decision with the file's name", file.getFileName()).isPresent();
            assertThat(ModelBeans.processKeys()).as("ProcessKeys constants").contains(decision.get().getId());
        }
    }

    @Test
    void hasAModelForEveryProcessKey() {
        SortedSet<String> modelIds = new TreeSet<>();
        Stream.concat(bpmnFiles.stream(), dmnFiles.stream()).forEach(file -> modelIds.add(baseName(file)));
        assertThat(modelIds).containsExactlyInAnyOrderElementsOf(ModelBeans.processKeys());
    }

    @Test
    void drawsEveryElementOfEveryProcess() {
        for (Path file : bpmnFiles) {
            List<String> undrawn = readBpmn(file).getModelElementsByType(FlowElement.class).stream()
                    .filter(element -> element.getDiagramElement() == null)
                    .map(FlowElement::getId)
                    .toList();
            assertThat(undrawn).as("elements of %s without a shape or edge", file.getFileName()).isEmpty();
        }
    }

    @Test
    void setsAHistoryTimeToLiveOnEveryProcessAndDecision() {
        for (Path file : bpmnFiles) {
            for (Process process : readBpmn(file).getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
                        .isNotBlank();
            }
        }
        for (Path file : dmnFiles) {
            for (Decision decision : readDmn(file).getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString())
                        .as("historyTimeToLive of %s", decision.getId()).isNotBlank();
            }
        }
    }

    @Test
    void callsJavaOnlyThroughDelegateExpressionsNamingABean() {
        List<String> violations = new ArrayList<>();
        SortedSet<String> beans = new TreeSet<>();
        for (Path file : bpmnFiles) {
            violations.addAll(javaCallViolations(file.getFileName().toString(), readBpmn(file), beans));
        }
        System.out.println("Delegate beans the models use: " + beans);

        assertThat(violations).isEmpty();
        assertThat(beans).as("bean names VerbNounDelegate or …Listener")
                .allMatch(bean -> bean.endsWith("Delegate") || bean.endsWith("Listener"));
        assertThat(ModelBeans.delegateBeanNames()).as("ModelBeans, as workflow-engine sees them").isEqualTo(beans);
    }

    @Test
    void reportsClassesExpressionsAndMethodCallsAsViolations() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bad")
                .startEvent()
                .serviceTask("byClass").camundaClass("org.example.SomeDelegate")
                .serviceTask("byExpression").camundaExpression("${caseService.close(caseId)}")
                .serviceTask("byMethodCall").camundaDelegateExpression("${delegates.close()}")
                .serviceTask("byBean").camundaDelegateExpression("${closeCaseDelegate}")
                .camundaExecutionListenerClass("end", "org.example.SomeListener")
                .endEvent()
                .done();
        SortedSet<String> beans = new TreeSet<>();

        List<String> violations = javaCallViolations("bad.bpmn", model, beans);

        assertThat(violations).hasSize(4)
                .anySatisfy(v -> assertThat(v).contains("byClass", "camunda:class"))
                .anySatisfy(v -> assertThat(v).contains("byExpression", "camunda:expression"))
                .anySatisfy(v -> assertThat(v).contains("byMethodCall", "not ${beanName}"))
                .anySatisfy(v -> assertThat(v).contains("executionListener in byBean", "camunda:class"));
        assertThat(beans).containsExactly("closeCaseDelegate");
    }

    /** Every service-like element and listener must say delegateExpression="${beanName}"; collects the names. */
    private static List<String> javaCallViolations(String name, BpmnModelInstance model, SortedSet<String> beans) {
        List<String> violations = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            check(name, task, task.getCamundaClass(), task.getCamundaExpression(),
                    task.getCamundaDelegateExpression(), task.getCamundaType(), violations, beans);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            check(name, task, task.getCamundaClass(), task.getCamundaExpression(),
                    task.getCamundaDelegateExpression(), task.getCamundaType(), violations, beans);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (task.getCamundaDecisionRef() == null) {
                check(name, task, task.getCamundaClass(), task.getCamundaExpression(),
                        task.getCamundaDelegateExpression(), task.getCamundaType(), violations, beans);
            }
        }
        for (MessageEventDefinition event : model.getModelElementsByType(MessageEventDefinition.class)) {
            if (event.getCamundaClass() != null || event.getCamundaExpression() != null
                    || event.getCamundaDelegateExpression() != null || event.getCamundaType() != null) {
                check(name, event, event.getCamundaClass(), event.getCamundaExpression(),
                        event.getCamundaDelegateExpression(), event.getCamundaType(), violations, beans);
            }
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            check(name, listener, listener.getCamundaClass(), scriptOr(listener.getCamundaExpression(),
                    listener.getCamundaScript()), listener.getCamundaDelegateExpression(), null, violations, beans);
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            check(name, listener, listener.getCamundaClass(), scriptOr(listener.getCamundaExpression(),
                    listener.getCamundaScript()), listener.getCamundaDelegateExpression(), null, violations, beans);
        }
        return violations;
    }

    @Test
    void listsTheBeansOfTheOneWindowApproval() {
        assertThat(beansOf(ProcessKeys.ONE_WINDOW_APPROVAL)).containsExactly(
                "closeCaseDelegate", "consolidateDecisionsDelegate", "departmentReviewListener",
                "dispatchDepartmentsDelegate", "refuseCaseDelegate", "reviewDueSoonDelegate", "reviewOverdueDelegate",
                "supplementClockListener");
    }

    @Test
    void listsTheBeansOfTheDocumentProcesses() {
        assertThat(beansOf(ProcessKeys.DOCUMENT_OUTGOING)).containsExactly(
                "archiveDocumentDelegate", "exchangeDocumentDelegate", "numberDocumentDelegate");
        assertThat(beansOf(ProcessKeys.DOCUMENT_INCOMING)).containsExactly("archiveDocumentDelegate");
        assertThat(beansOf(ProcessKeys.DOCUMENT_CIRCULATION)).isEmpty();
        assertThat(ModelBeans.delegateBeanNames()).contains("archiveDocumentDelegate", "exchangeDocumentDelegate",
                "numberDocumentDelegate", "closeCaseDelegate");
    }

    private static SortedSet<String> beansOf(String processKey) {
        Path file = MODELS.resolve(processKey + ".bpmn");
        try (InputStream in = Files.newInputStream(file)) {
            return ModelBeans.delegateBeanNames(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String file, ModelElementInstance element, String className, String expression,
            String delegateExpression, String type, List<String> violations, SortedSet<String> beans) {
        String where = file + " " + describe(element);
        if (className != null) {
            violations.add(where + ": camunda:class=" + className + " (use delegateExpression)");
        } else if (expression != null) {
            violations.add(where + ": camunda:expression/script " + expression + " (use delegateExpression)");
        } else if (type != null) {
            violations.add(where + ": camunda:type=" + type + " (use delegateExpression)");
        } else if (delegateExpression == null) {
            violations.add(where + ": no delegateExpression");
        } else {
            Matcher bean = BEAN_REFERENCE.matcher(delegateExpression.trim());
            if (bean.matches()) {
                beans.add(bean.group(1));
            } else {
                violations.add(where + ": delegateExpression " + delegateExpression + " is not ${beanName}");
            }
        }
    }

    private static String scriptOr(String expression, Object script) {
        return expression != null ? expression : script != null ? "script" : null;
    }

    private static String describe(ModelElementInstance element) {
        ModelElementInstance owner = element;
        while (owner != null && owner.getAttributeValue("id") == null) {
            owner = owner.getParentElement();
        }
        String id = owner == null ? "?" : owner.getAttributeValue("id");
        return element.getElementType().getTypeName() + (owner == element ? " " : " in ") + id;
    }

    private static List<Path> modelFiles(String extension) throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static BpmnModelInstance readBpmn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DmnModelInstance readDmn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
