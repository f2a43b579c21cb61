package org.tongban.engine.designer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tongban.engine.designer.ModelDiff.Change;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Compares the semantic elements (those of the BPMN namespace with an id) of two models. An element's settings
 * are its attributes and everything inside it that has no id of its own (conditions, timers, camunda
 * extensions); nested elements with ids are compared on their own. Diagram interchange is left out.
 */
public final class ModelComparison {

    /** Added, removed and changed elements of {@code to} against {@code from}. */
    public record Result(List<Change> added, List<Change> removed, List<Change> changed) {
    }

    private ModelComparison() {
    }

    public static Result compare(String fromXml, String toXml) {
        Map<String, Element> from = semanticElements(fromXml);
        Map<String, Element> to = semanticElements(toXml);
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        to.forEach((id, element) -> {
            if (!from.containsKey(id)) {
                added.add(change(id, element, List.of()));
            }
        });
        from.forEach((id, element) -> {
            Element after = to.get(id);
            if (after == null) {
                removed.add(change(id, element, List.of()));
                return;
            }
            List<String> details = new ArrayList<>();
            if (!element.getLocalName().equals(after.getLocalName())) {
                details.add("类型: " + element.getLocalName() + " → " + after.getLocalName());
            }
            Map<String, String> before = settings(element);
            Map<String, String> now = settings(after);
            for (String key : union(before, now)) {
                String a = before.get(key);
                String b = now.get(key);
                if (a == null ? b != null : !a.equals(b)) {
                    details.add(key + ": " + (a == null ? "（无）" : a) + " → " + (b == null ? "（无）" : b));
                }
            }
            if (!details.isEmpty()) {
                changed.add(change(id, after, details));
            }
        });
        return new Result(added, removed, changed);
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static Change change(String id, Element element, List<String> details) {
        String name = element.getAttribute("name");
        return new Change(id, element.getLocalName(), name.isEmpty() ? null : name, details);
    }

    /** Attributes (prefixed by their local name) and the text of nested id-less elements, by path. */
    private static Map<String, String> settings(Element element) {
        Map<String, String> settings = new TreeMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"id".equals(attribute.getName()) && !"xmlns".equals(attribute.getPrefix())
                    && !"xmlns".equals(attribute.getName())) {
                settings.put(attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName(),
                        attribute.getValue());
            }
        }
        collectNested(element, "", settings);
        return settings;
    }

    private static void collectNested(Element element, String path, Map<String, String> settings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested && !(PlatformChecks.BPMN_NS.equals(nested.getNamespaceURI())
                    && nested.hasAttribute("id") && !"incoming".equals(nested.getLocalName()))) {
                String local = nested.getLocalName();
                int n = counts.merge(local, 1, Integer::sum);
                String here = path + local + (n > 1 ? "[" + n + "]" : "");
                NamedNodeMap attributes = nested.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (!"xmlns".equals(attribute.getPrefix()) && !"xmlns".equals(attribute.getName())) {
                        settings.put(here + "@" + attribute.getName(), attribute.getValue());
                    }
                }
                String text = directText(nested);
                if (!text.isEmpty()) {
                    settings.put(here, text);
                }
                collectNested(nested, here + "/", settings);
            }
        }
    }

    private static String directText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString().trim();
    }

    private static Map<String, Element> semanticElements(String xml) {
        Document document = parse(xml);
        Map<String, Element> elements = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagNameNS(PlatformChecks.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id") && !"definitions".equals(element.getLocalName())) {
                elements.put(element.getAttribute("id"), element);
            }
        }
        return elements;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
