package org.tongban.engine.designer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.tongban.bpmn.ModelBeans;
import org.tongban.engine.designer.ModelProblem.Source;
import org.tongban.engine.designer.internal.EngineParseCheck;
import org.tongban.engine.designer.internal.PlatformChecks;
import org.tongban.engine.directory.DirectoryService;

/**
 * Validates a model the way deployment would, without deploying it, in three passes: the XML against the BPMN
 * schema (Camunda's model API), Camunda's own parser with the platform's parse listeners, and the platform's
 * conventions. Every problem names its element where it has one. A model with an error is never deployed.
 */
@Service
public class ModelValidationService {

    /** The SAX parser's position in the messages it gives: {@code Line=19:}. */
    private static final java.util.regex.Pattern XML_LINE = java.util.regex.Pattern.compile("Line=(\\d+)");

    private final EngineParseCheck engineParse;
    private final ApplicationContext context;
    private final DirectoryService directory;
    private final RepositoryService repository;

    ModelValidationService(EngineParseCheck engineParse, ApplicationContext context, DirectoryService directory,
                           RepositoryService repository) {
        this.engineParse = engineParse;
        this.context = context;
        this.directory = directory;
        this.repository = repository;
    }

    /** All problems of the model; {@code valid} when none is an error. */
    public ValidationReport validate(String xml) {
        if (xml == null || xml.isBlank()) {
            return new ValidationReport(false, null, null,
                    List.of(ModelProblem.error(Source.XML, null, "模型为空")));
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ModelException e) {
            String message = rootMessage(e);
            java.util.regex.Matcher line = XML_LINE.matcher(message);
            return new ValidationReport(false, null, null, List.of(new ModelProblem(ModelProblem.Severity.ERROR,
                    Source.XML, null, "XML 无法解析为 BPMN 2.0 模型：" + message,
                    line.find() ? Integer.valueOf(line.group(1)) : null)));
        }
        List<Process> executable = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).toList();
        List<ModelProblem> problems = new ArrayList<>();
        if (executable.isEmpty()) {
            problems.add(ModelProblem.error(Source.PLATFORM, null,
                    "模型中没有可执行的流程：请把流程标记为可执行 (isExecutable=\"true\")"));
        } else if (executable.size() > 1) {
            executable.forEach(p -> problems.add(ModelProblem.error(Source.PLATFORM, p.getId(),
                    "一个模型只能有一个可执行流程（文件名 = 流程标识）")));
        }
        Process process = executable.isEmpty() ? null : executable.get(0);
        String key = process == null ? null : process.getId();
        problems.addAll(engineParse.check((key == null ? "model" : key) + ".bpmn", xml));
        problems.addAll(PlatformChecks.check(xml, delegateBeans()::contains, this::departmentExists));
        if (key != null && PlatformChecks.PROCESS_ID.matcher(key).matches() && !ModelBeans.processKeys().contains(key)
                && repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            problems.add(ModelProblem.warning(Source.PLATFORM, key, "新流程 " + key
                    + "：代码按 org.tongban.bpmn.ProcessKeys 的常量启动流程，若要由平台功能启动，请添加同名常量"));
        }
        boolean valid = problems.stream().noneMatch(ModelProblem::isError);
        return new ValidationReport(valid, key, process == null ? null : process.getName(), problems);
    }

    /** Names of the beans a model may call: Camunda delegates and listeners of this application, sorted. */
    public SortedSet<String> delegateBeans() {
        SortedSet<String> names = new TreeSet<>();
        for (Class<?> type : Set.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
            names.addAll(List.of(context.getBeanNamesForType(type, true, false)));
        }
        return names;
    }

    private boolean departmentExists(String code) {
        return directory.department(code).isPresent();
    }

    private static String rootMessage(Throwable e) {
        Collection<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        return String.join("：", messages);
    }
}
