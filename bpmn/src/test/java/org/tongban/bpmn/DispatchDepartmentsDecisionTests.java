package org.tongban.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "bpmn/dispatch-departments.dmn")
class DispatchDepartmentsDecisionTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "{0} applied for by {1} goes to {2}")
    @CsvSource({
            "FOOD_BUSINESS_LICENSE,            ENTERPRISE, SJ_FOOD",
            "FOOD_BUSINESS_LICENSE,            PERSON,     SJ_FOOD",
            "FIRE_SAFETY_INSPECTION,           ENTERPRISE, XF_FIRE",
            "FIRE_SAFETY_INSPECTION,           PERSON,     XF_FIRE",
            "POLLUTANT_DISCHARGE_REGISTRATION, ENTERPRISE, HJ_APPROVAL",
            "POLLUTANT_DISCHARGE_REGISTRATION, PERSON,     HJ_XIHU",
            "OUTDOOR_SIGN_SETUP,               ENTERPRISE, CG_CITYSCAPE",
            "OUTDOOR_SIGN_SETUP,               PERSON,     CG_CITYSCAPE",
    })
    void dispatchesEachMatterToItsDepartment(String matterCode, String applicantType, String department) {
        assertThat(departmentsFor(matterCode, applicantType)).containsExactly(department);
    }

    @Test
    void dispatchesAnUnknownMatterToNoDepartment() {
        assertThat(departmentsFor("BUILDING_PERMIT", "ENTERPRISE")).isEmpty();
    }

    @Test
    void dispatchesThePollutantMatterOfAnUnknownApplicantTypeToNoDepartment() {
        assertThat(departmentsFor("POLLUTANT_DISCHARGE_REGISTRATION", "GOVERNMENT")).isEmpty();
    }

    @Test
    void namesItsSingleOutputDepartmentCode() {
        DmnDecisionResult result = decisionService().evaluateDecisionByKey(ProcessKeys.DISPATCH_DEPARTMENTS)
                .variables(Variables.createVariables()
                        .putValue("matterCode", "FOOD_BUSINESS_LICENSE")
                        .putValue("applicantType", "PERSON"))
                .evaluate();
        assertThat(result.getResultList()).singleElement()
                .satisfies(entries -> assertThat(entries).containsOnlyKeys("departmentCode"));
    }

    private static List<String> departmentsFor(String matterCode, String applicantType) {
        return decisionService().evaluateDecisionTableByKey(ProcessKeys.DISPATCH_DEPARTMENTS,
                        Variables.createVariables()
                                .putValue("matterCode", matterCode)
                                .putValue("applicantType", applicantType))
                .collectEntries("departmentCode");
    }

    private static DecisionService decisionService() {
        return engine.getDecisionService();
    }
}
