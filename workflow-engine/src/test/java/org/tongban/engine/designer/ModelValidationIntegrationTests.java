package org.tongban.engine.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.engine.testsupport.TestUsers.DESIGNER;
import static org.tongban.engine.testsupport.TestUsers.FOOD_HANDLER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.designer.ModelProblem.Source;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;

/** Validation before deployment: a good model passes; each broken one is named by its element and never deployed. */
@SpringBootTest(classes = EngineTestApplication.class)
class ModelValidationIntegrationTests {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://tongban.org/test">
            """;

    @Autowired
    DesignerService designer;
    @Autowired
    DirectoryService directory;
    @Autowired
    RepositoryService repository;

    @Test
    void passesAGoodModel() {
        ValidationReport report = designer.validate(designer(), DesignerModels.v2("valid-model-test"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.processKey()).isEqualTo("valid-model-test");
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.message()).contains("ProcessKeys"));
    }

    @Test
    void passesEveryModelTheApplicationShips() throws IOException {
        for (String key : org.tongban.bpmn.ModelBeans.processKeys()) {
            var in = getClass().getClassLoader().getResourceAsStream("bpmn/" + key + ".bpmn");
            if (in == null) {
                continue; // a decision table
            }
            try (in) {
                ValidationReport report = designer.validate(designer(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(report.errors()).as(key).isEmpty();
            }
        }
    }

    @Test
    void reportsMalformedXmlWithoutAnElement() {
        ValidationReport report = designer.validate(designer(), HEAD + "<bpmn:process id=\"x\" isExecutable=\"true\">");

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(Source.XML);
            assertThat(p.elementId()).isNull();
            assertThat(p.message()).startsWith("XML 无法解析");
        });
        ValidationReport dangling = designer.validate(designer(), HEAD + """
                  <bpmn:process id="dangling-test" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:exclusiveGateway id="gate" default="missingFlow"/>
                  </bpmn:process>
                </bpmn:definitions>
                """);
        assertThat(dangling.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("missingFlow");
            assertThat(p.line()).isNotNull();
        });
    }

    @Test
    void namesUnknownBeansDepartmentsRolesAndJavaClasses() {
        String xml = HEAD + """
                  <bpmn:process id="broken-beans-test" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callIt"/>
                    <bpmn:serviceTask id="callIt" camunda:delegateExpression="${noSuchDelegate}"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="callIt" targetRef="byClass"/>
                    <bpmn:serviceTask id="byClass" camunda:class="org.example.Foo"/>
                    <bpmn:sequenceFlow id="f3" sourceRef="byClass" targetRef="review"/>
                    <bpmn:userTask id="review" camunda:candidateGroups="NO_SUCH_DEPT:handler,SJ_FOOD:boss"/>
                    <bpmn:sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        ValidationReport report = designer.validate(designer(), xml);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(ModelProblem::elementId, ModelProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple("callIt", "委托 Bean noSuchDelegate 不存在"),
                org.assertj.core.groups.Tuple.tuple("review", "部门 NO_SUCH_DEPT 不存在"),
                org.assertj.core.groups.Tuple.tuple("review", "岗位 boss 不存在"));
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.elementId()).isEqualTo("byClass");
            assertThat(p.message()).contains("org.example.Foo", "delegateExpression");
        });
    }

    @Test
    void namesAProcessIdAgainstTheConventionAndTimersWithoutATime() {
        String xml = HEAD + """
                  <bpmn:process id="LeaveRequest" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="t1"/></bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        ValidationReport report = designer.validate(designer(), xml);

        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.elementId()).isEqualTo("LeaveRequest");
            assertThat(p.message()).contains("流程标识", "不符合约定");
        });
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.elementId()).isIn("wait", "t1");
            assertThat(p.message()).contains("定时器没有设置时长");
        });
    }

    @Test
    void reportsTheEnginesParseErrorsAgainstTheirElement() {
        String xml = HEAD + """
                  <bpmn:process id="bad-sign-test" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign"/>
                    <bpmn:userTask id="sign" camunda:assignee="${signer}">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="tongban:signMode" value="SEQUENTIAL"/>
                      </camunda:properties></bpmn:extensionElements>
                      <bpmn:multiInstanceLoopCharacteristics isSequential="false" camunda:collection="${signers}"
                          camunda:elementVariable="signer"/>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        ValidationReport report = designer.validate(designer(), xml);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo(Source.ENGINE);
            assertThat(p.elementId()).isEqualTo("sign");
            assertThat(p.message()).contains("依次审批必须是串行多实例");
        });
    }

    @Test
    void neverDeploysABadModel() {
        long before = repository.createProcessDefinitionQuery().count();
        String xml = DesignerModels.v1("never-deployed-test").replace("SJ_FOOD:handler", "NOWHERE:handler");

        assertThatThrownBy(() -> designer.deploy(designer(), new DeployForm(xml, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).contains("未部署");
                    assertThat(e.fieldErrors()).containsEntry("fill", "部门 NOWHERE 不存在");
                });
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("never-deployed-test").count()).isZero();
    }

    @Test
    void isForDesignersAndAdministratorsOnly() {
        Actor handler = directory.findActor(FOOD_HANDLER).orElseThrow();
        assertThatThrownBy(() -> designer.validate(handler, DesignerModels.v1("x-test")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> designer.processes(handler)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void offersTheBeansAndDepartmentsThatExist() {
        DesignerCatalog catalog = designer.catalog(designer());

        assertThat(catalog.delegateBeans()).contains("closeCaseDelegate", "departmentReviewListener")
                .containsAll(org.tongban.bpmn.ModelBeans.delegateBeanNames());
        assertThat(catalog.departments()).extracting(DesignerCatalog.DepartmentOption::code).contains("SJ_FOOD");
        assertThat(catalog.signModes()).extracting(DesignerCatalog.SignModeOption::value)
                .containsExactly("COUNTERSIGN", "ANY_SIGN", "SEQUENTIAL");
    }

    private Actor designer() {
        return directory.findActor(DESIGNER).orElseThrow();
    }
}
