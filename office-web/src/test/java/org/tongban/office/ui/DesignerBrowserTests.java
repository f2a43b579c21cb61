package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.DESIGNER;
import static org.tongban.engine.testsupport.TestUsers.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.office.testsupport.Api;
import org.tongban.office.testsupport.Browser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The process designer in the browser: a broken model opened from a file is validated (problems listed by element
 * and marked on the diagram) and refused, fixed in the properties panel, validated and deployed. And the BPMN MIWG
 * reference models go through the designer (bpmn-js import, then its export saved as a draft) without losing an
 * element id or a diagram shape or edge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesignerBrowserTests {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";

    @LocalServerPort
    int port;

    @Test
    void editsValidatesAndDeploysAModel() throws Exception {
        Api api = new Api(port);
        String key = "browser-designer-test";
        Path file = Files.createTempFile("broken-", ".bpmn");
        Files.writeString(file, brokenModel(key));
        try (Browser browser = new Browser(port, Browser.DESKTOP)) {
            browser.logIn(DESIGNER, PASSWORD);
            browser.click(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='流程设计']"));
            browser.find(By.xpath("//*[@data-testid='modeler'][@data-ready='true']"));
            browser.find(By.id("open-file")).sendKeys(file.toAbsolutePath().toString());
            browser.text("已打开文件");

            browser.click(By.xpath("//*[@data-testid='validate']"));
            browser.find(By.xpath("//*[@data-testid='problems']//li[.//button[normalize-space()='review']]"
                    + "[contains(normalize-space(.), '部门 GONE_DEPT 不存在')]"));
            browser.find(By.cssSelector("g.djs-element.tb-problem[data-element-id='review']"));
            browser.screenshot("21-designer-problems");
            browser.click(By.xpath("//*[@data-testid='deploy']"));
            browser.find(By.xpath("//*[@data-testid='designer-status'][contains(normalize-space(.), '未部署')]"));
            assertThat(api.get(DESIGNER, "/engine-rest/process-definition/count?key=" + key).body().path("count")
                    .asInt()).isZero();

            // fix it in the properties panel: the problem's link selects the step
            browser.click(By.xpath("//*[@data-testid='problems']//button[normalize-space()='review']"));
            browser.find(By.xpath("//*[@data-testid='properties-panel']//small[normalize-space()='UserTask']"));
            browser.type(By.id("prop-name"), "复核");
            browser.find(By.id("prop-name")).sendKeys(Keys.TAB);
            Select departments = new Select(browser.find(By.id("prop-departments")));
            departments.deselectAll();
            departments.selectByValue("SJ_FOOD");
            new Select(browser.find(By.id("prop-role"))).selectByValue("reviewer");
            new Select(browser.find(By.id("prop-sign"))).selectByValue("COUNTERSIGN");
            browser.type(By.id("prop-days"), "5");
            browser.find(By.id("prop-days")).sendKeys(Keys.TAB);

            browser.click(By.xpath("//*[@data-testid='validate']"));
            browser.find(By.xpath("//*[@data-testid='designer-status'][starts-with(normalize-space(.), '校验通过')]"));
            assertThat(browser.all(By.cssSelector("g.tb-problem"))).isEmpty();
            browser.click(By.xpath("//*[@data-testid='deploy']"));
            browser.find(By.xpath("//*[@data-testid='designer-status'][normalize-space()='已部署 " + key + " 第 1 版']"));
            browser.screenshot("23-designer-deployed");

            // a running case of a (simpler) process shows in the version list and on its heatmap
            String heatKey = "browser-heatmap-test";
            String deployed = api.post(DESIGNER, "/api/designer/deployments", Map.of("xml",
                    brokenModel(heatKey).replace("GONE_DEPT", "SJ_FOOD"))).body().path("processDefinitionId").asText();
            Api.Response started = api.post(DESIGNER, "/engine-rest/process-definition/" + deployed + "/start",
                    Map.of("businessKey", "BROWSER-HEAT-1"));
            assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
            browser.click(By.xpath("//*[@role='tab'][normalize-space()='版本与迁移']"));
            String row = "//*[@data-testid='versions']//tr[.//code[normalize-space()='" + heatKey + "']]";
            browser.find(By.xpath(row + "[.//td[normalize-space()='v1']]"));
            browser.click(By.xpath(row + "//button[normalize-space()='监控']"));
            browser.find(By.xpath("//*[contains(@class,'djs-overlays')][@data-container-id='review']"
                    + "//*[contains(@class,'tb-heat-badge')][normalize-space()='1']"));
            browser.find(By.xpath("//*[@data-testid='activity-stats']//tr[.//code[normalize-space()='review']]"));
            browser.screenshot("22-designer-heatmap");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
        JsonNode process = Stream.of(api.get(DESIGNER, "/api/designer/processes").body())
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(p -> p.path("key").asText().equals(key)).findFirst().orElseThrow();
        String xml = api.get(DESIGNER, "/api/designer/definitions/" + process.path("versions").get(0).path("id").asText()
                + "/xml").body().path("xml").asText();
        assertThat(xml).contains("name=\"复核\"", "camunda:candidateGroups=\"SJ_FOOD:reviewer\"",
                "name=\"tongban:signMode\" value=\"COUNTERSIGN\"", "name=\"tongban:promisedDays\" value=\"5\"",
                "camunda:collection=\"${signers}\"");
    }

    @Test
    void theMiwgReferenceModelsRoundTripThroughTheDesigner() throws Exception {
        Path folder = miwgFolder();
        List<Path> models;
        try (Stream<Path> files = Files.list(folder)) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).as("MIWG models in %s", folder).hasSizeGreaterThanOrEqualTo(8);
        Api api = new Api(port);
        try (Browser browser = new Browser(port, Browser.DESKTOP)) {
            browser.logIn(DESIGNER, PASSWORD);
            browser.open("/designer");
            browser.find(By.xpath("//*[@data-testid='modeler'][@data-ready='true']"));
            for (Path model : models) {
                String name = model.getFileName().toString();
                browser.find(By.id("open-file")).sendKeys(model.toAbsolutePath().toString());
                browser.find(By.xpath("//*[@data-testid='designer-status'][contains(normalize-space(.), '已打开文件 "
                        + name + "')]"));
                browser.click(By.xpath("//*[@data-testid='save-draft']"));
                String saved = browser.until(driver -> {
                    String status = driver.findElement(By.cssSelector("[data-testid='designer-status']")).getText();
                    return status.startsWith("已打开文件") ? null : status;
                });
                assertThat(saved).as("saving %s", name).startsWith("草稿已保存");
                long draftId = api.get(DESIGNER, "/api/designer/drafts").body().get(0).path("id").asLong();
                String exported = api.get(DESIGNER, "/api/designer/drafts/" + draftId).body().path("xml").asText();
                String original = Files.readString(model, StandardCharsets.UTF_8);

                assertThat(ids(exported)).as("element ids of %s after the round trip", name)
                        .isEqualTo(ids(original));
                assertThat(diagram(exported)).as("diagram shapes and edges of %s after the round trip", name)
                        .isEqualTo(diagram(original));
                // the status line is replaced only by the next file's message
                assertThat(api.delete(DESIGNER, "/api/designer/drafts/" + draftId).status()).isEqualTo(204);
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** {@code <repo>/../shared/bpmn-miwg}: beside the clone in CI, beside the worktree here. A missing one fails. */
    static Path miwgFolder() {
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        Path folder = repo.resolveSibling("shared").resolve("bpmn-miwg");
        assertThat(folder).as("the MIWG reference models beside the repository").isDirectory();
        return folder;
    }

    /** Ids of every element of the BPMN model and diagram interchange namespaces. */
    private static TreeSet<String> ids(String xml) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        NodeList all = parse(xml).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if ((BPMN.equals(element.getNamespaceURI()) || BPMNDI.equals(element.getNamespaceURI()))
                    && element.hasAttribute("id")) {
                ids.add(element.getLocalName() + "#" + element.getAttribute("id"));
            }
        }
        return ids;
    }

    /** Shape bounds and edge waypoints by the element they draw, numbers normalised. */
    private static Map<String, String> diagram(String xml) throws Exception {
        Map<String, String> drawn = new TreeMap<>();
        Document document = parse(xml);
        NodeList shapes = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            Element shape = (Element) shapes.item(i);
            Element bounds = (Element) shape.getElementsByTagNameNS("*", "Bounds").item(0);
            drawn.put("shape " + shape.getAttribute("id") + " of " + shape.getAttribute("bpmnElement"),
                    bounds == null ? "-" : numbers(bounds, "x", "y", "width", "height")
                            + (shape.hasAttribute("isExpanded") ? " expanded=" + shape.getAttribute("isExpanded") : "")
                            + (shape.hasAttribute("isHorizontal") ? " horizontal=" + shape.getAttribute("isHorizontal") : ""));
        }
        NodeList edges = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            StringBuilder points = new StringBuilder();
            NodeList waypoints = edge.getElementsByTagNameNS("*", "waypoint");
            for (int w = 0; w < waypoints.getLength(); w++) {
                points.append(numbers((Element) waypoints.item(w), "x", "y")).append(' ');
            }
            drawn.put("edge " + edge.getAttribute("id") + " of " + edge.getAttribute("bpmnElement"), points.toString());
        }
        return drawn;
    }

    private static String numbers(Element element, String... attributes) {
        StringBuilder text = new StringBuilder();
        for (String attribute : attributes) {
            text.append(attribute).append('=').append(Double.parseDouble(element.getAttribute(attribute))).append(' ');
        }
        return text.toString().trim();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A drawn model whose review step is offered to a department that does not exist. */
    private static String brokenModel(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="defs" targetNamespace="http://tongban.org/bpmn">
                  <bpmn:process id="%1$s" name="浏览器设计测试" isExecutable="true" camunda:historyTimeToLive="P180D">
                    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                    <bpmn:userTask id="review" name="审核" camunda:candidateGroups="GONE_DEPT:reviewer">
                      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
                    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="diagram">
                    <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="250" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="250" y="120" /></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="350" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key);
    }
}
