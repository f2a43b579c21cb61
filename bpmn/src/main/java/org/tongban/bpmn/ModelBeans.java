package org.tongban.bpmn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The bean names the process models call through {@code camunda:delegateExpression="${beanName}"}.
 * workflow-engine checks that each of them is a bean; {@code ModelConventionsTests} checks that models use
 * no other way of calling Java code. Reads the models of {@link ProcessKeys} from the classpath with the
 * JDK's XML parser only.
 */
public final class ModelBeans {

    /** Classpath folder of the models; a model's file is {@code bpmn/<key>.bpmn} or {@code bpmn/<key>.dmn}. */
    public static final String MODEL_FOLDER = "bpmn/";

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ModelBeans() {
    }

    /** Bean names used by all BPMN models named in {@link ProcessKeys}, sorted. */
    public static SortedSet<String> delegateBeanNames() {
        SortedSet<String> names = new TreeSet<>();
        for (String key : processKeys()) {
            String resource = MODEL_FOLDER + key + ".bpmn";
            try (InputStream in = ModelBeans.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    names.addAll(delegateBeanNames(in, resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return Collections.unmodifiableSortedSet(names);
    }

    /** Bean names used by one BPMN document; a delegate expression other than {@code ${beanName}} is refused. */
    public static SortedSet<String> delegateBeanNames(InputStream bpmn, String name) {
        SortedSet<String> names = new TreeSet<>();
        NodeList elements = parse(bpmn, name).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Attr attribute = element.getAttributeNodeNS(CAMUNDA_NS, "delegateExpression");
            if (attribute == null && CAMUNDA_NS.equals(element.getNamespaceURI())) {
                // listeners carry it as an unqualified attribute of a camunda: element
                attribute = element.getAttributeNode("delegateExpression");
            }
            if (attribute != null) {
                Matcher bean = BEAN_REFERENCE.matcher(attribute.getValue().trim());
                if (!bean.matches()) {
                    throw new IllegalStateException(name + ": delegate expression '" + attribute.getValue()
                            + "' is not of the form ${beanName}");
                }
                names.add(bean.group(1));
            }
        }
        return names;
    }

    /** The values of the public constants of {@link ProcessKeys}. */
    public static SortedSet<String> processKeys() {
        SortedSet<String> keys = new TreeSet<>();
        for (Field field : ProcessKeys.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableSortedSet(keys);
    }

    private static Document parse(InputStream in, String name) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
