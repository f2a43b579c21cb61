package org.tongban.engine.designer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tongban.engine.designer.DesignerProperties;
import org.tongban.engine.designer.ModelProblem;
import org.tongban.engine.designer.ModelProblem.Source;
import org.tongban.engine.directory.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The platform's conventions, checked on the XML with the JDK's parser (no external entities): Java is called
 * only as {@code delegateExpression="${beanName}"} naming a bean that exists; literal candidate groups name a
 * department of the directory and a role; every timer says when; the process id is kebab-case; the
 * {@code tongban:*} properties have values the platform understands.
 */
public final class PlatformChecks {

    public static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** Process ids are file names and {@code ProcessKeys} constants: lower-case words joined by hyphens. */
    public static final Pattern PROCESS_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> JAVA_CALLERS = Set.of("serviceTask", "sendTask", "businessRuleTask");

    private final Predicate<String> beanExists;
    private final Predicate<String> departmentExists;
    private final List<ModelProblem> problems = new ArrayList<>();

    private PlatformChecks(Predicate<String> beanExists, Predicate<String> departmentExists) {
        this.beanExists = beanExists;
        this.departmentExists = departmentExists;
    }

    /** The convention problems of a model that is well-formed XML. */
    public static List<ModelProblem> check(String xml, Predicate<String> beanExists, Predicate<String> departmentExists) {
        PlatformChecks checks = new PlatformChecks(beanExists, departmentExists);
        Document document = parse(xml);
        NodeList elements = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            checks.visit((Element) elements.item(i));
        }
        return checks.problems;
    }

    private void visit(Element element) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (BPMN_NS.equals(ns) && "process".equals(name) && "true".equals(element.getAttribute("isExecutable"))) {
            checkProcessId(element);
        }
        if (BPMN_NS.equals(ns) && JAVA_CALLERS.contains(name) && !element.hasAttributeNS(CAMUNDA_NS, "decisionRef")) {
            checkJavaCall(element, element.getAttributeNS(CAMUNDA_NS, "class"),
                    element.getAttributeNS(CAMUNDA_NS, "expression"), element.getAttributeNS(CAMUNDA_NS, "type"),
                    element.getAttributeNS(CAMUNDA_NS, "delegateExpression"), true);
        }
        if (CAMUNDA_NS.equals(ns) && ("executionListener".equals(name) || "taskListener".equals(name))) {
            boolean script = element.getElementsByTagNameNS(CAMUNDA_NS, "script").getLength() > 0;
            checkJavaCall(element, element.getAttribute("class"),
                    script ? "script" : element.getAttribute("expression"), "",
                    element.getAttribute("delegateExpression"), true);
        }
        if (BPMN_NS.equals(ns) && "messageEventDefinition".equals(name)
                && (element.hasAttributeNS(CAMUNDA_NS, "class") || element.hasAttributeNS(CAMUNDA_NS, "expression")
                || element.hasAttributeNS(CAMUNDA_NS, "delegateExpression"))) {
            checkJavaCall(element, element.getAttributeNS(CAMUNDA_NS, "class"),
                    element.getAttributeNS(CAMUNDA_NS, "expression"), "",
                    element.getAttributeNS(CAMUNDA_NS, "delegateExpression"), true);
        }
        if (BPMN_NS.equals(ns) && "userTask".equals(name)) {
            checkCandidateGroups(element, element.getAttributeNS(CAMUNDA_NS, "candidateGroups"));
        }
        if (BPMN_NS.equals(ns) && "timerEventDefinition".equals(name)) {
            checkTimer(element);
        }
        if (CAMUNDA_NS.equals(ns) && "property".equals(name)) {
            checkProperty(element);
        }
    }

    private void checkProcessId(Element process) {
        String id = process.getAttribute("id");
        if (!PROCESS_ID.matcher(id).matches()) {
            problems.add(ModelProblem.error(Source.PLATFORM, id, "流程标识 " + id
                    + " 不符合约定：须为小写字母、数字和连字符（如 food-license-review），与文件名和 ProcessKeys 常量一致"));
        }
        if (!process.hasAttributeNS(CAMUNDA_NS, "historyTimeToLive")
                || process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive").isBlank()) {
            problems.add(ModelProblem.error(Source.PLATFORM, id, "流程没有设置历史保留期限 (camunda:historyTimeToLive)"));
        }
    }

    private void checkJavaCall(Element element, String className, String expression, String type,
                               String delegateExpression, boolean required) {
        String id = ownerId(element);
        if (!className.isEmpty()) {
            problems.add(ModelProblem.error(Source.PLATFORM, id,
                    "不能直接调用 Java 类 " + className + "，请用 delegateExpression=\"${beanName}\""));
        } else if (!expression.isEmpty()) {
            problems.add(ModelProblem.error(Source.PLATFORM, id,
                    "不能使用表达式或脚本 " + expression + "，请用 delegateExpression=\"${beanName}\""));
        } else if (!type.isEmpty()) {
            problems.add(ModelProblem.error(Source.PLATFORM, id,
                    "不支持 camunda:type=" + type + "，请用 delegateExpression=\"${beanName}\""));
        } else if (delegateExpression.isEmpty()) {
            if (required) {
                problems.add(ModelProblem.error(Source.PLATFORM, id, "服务步骤没有指定委托 Bean (delegateExpression)"));
            }
        } else {
            Matcher bean = BEAN_REFERENCE.matcher(delegateExpression.trim());
            if (!bean.matches()) {
                problems.add(ModelProblem.error(Source.PLATFORM, id,
                        "委托表达式 " + delegateExpression + " 不是 ${beanName} 的形式"));
            } else if (!beanExists.test(bean.group(1))) {
                problems.add(ModelProblem.error(Source.PLATFORM, id, "委托 Bean " + bean.group(1) + " 不存在"));
            }
        }
    }

    private void checkCandidateGroups(Element task, String groups) {
        for (String group : groups.split(",")) {
            String g = group.trim();
            if (g.isEmpty() || g.contains("${") || g.contains("#{")) {
                continue; // chosen at run time
            }
            int colon = g.indexOf(':');
            String id = task.getAttribute("id");
            if (colon < 0) {
                problems.add(ModelProblem.error(Source.PLATFORM, id, "候选组 " + g + " 应为 部门代码:岗位（如 SJ_FOOD:handler）"));
                continue;
            }
            String department = g.substring(0, colon);
            String role = g.substring(colon + 1);
            if (!department.contains("${") && !departmentExists.test(department)) {
                problems.add(ModelProblem.error(Source.PLATFORM, id, "部门 " + department + " 不存在"));
            }
            if (!isRole(role)) {
                problems.add(ModelProblem.error(Source.PLATFORM, id, "岗位 " + role + " 不存在"));
            }
        }
    }

    private static boolean isRole(String key) {
        for (Role role : Role.values()) {
            if (role.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private void checkTimer(Element timer) {
        for (String kind : List.of("timeDuration", "timeDate", "timeCycle")) {
            NodeList found = timer.getElementsByTagNameNS(BPMN_NS, kind);
            if (found.getLength() > 0 && !found.item(0).getTextContent().isBlank()) {
                return;
            }
        }
        problems.add(ModelProblem.error(Source.PLATFORM, ownerId(timer), "定时器没有设置时长、时间或周期"));
    }

    private void checkProperty(Element property) {
        String name = property.getAttribute("name");
        String value = property.getAttribute("value").trim();
        String id = ownerId(property);
        switch (name) {
            case DesignerProperties.PROMISED_DAYS -> {
                if (!value.matches("[1-9][0-9]{0,2}")) {
                    problems.add(ModelProblem.error(Source.PLATFORM, id, "承诺时限应为 1–999 个工作日，现为 " + value));
                }
            }
            case DesignerProperties.LEADER_APPROVAL -> {
                if (!value.equals("true") && !value.equals("false")) {
                    problems.add(ModelProblem.error(Source.PLATFORM, id, "领导审批应为 true 或 false，现为 " + value));
                }
            }
            case DesignerProperties.CANDIDATE_DEPARTMENTS -> {
                for (String department : value.split(",")) {
                    if (!department.isBlank() && !departmentExists.test(department.trim())) {
                        problems.add(ModelProblem.error(Source.PLATFORM, id, "部门 " + department.trim() + " 不存在"));
                    }
                }
            }
            default -> {
                // other properties are the engine's (tongban:signMode) or free
            }
        }
    }

    /** The id of the element itself or of the nearest element around it that has one. */
    private static String ownerId(Element element) {
        org.w3c.dom.Node node = element;
        while (node instanceof Element e) {
            if (e.hasAttribute("id") && (BPMN_NS.equals(e.getNamespaceURI()))) {
                return e.getAttribute("id");
            }
            node = e.getParentNode();
        }
        return null;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
