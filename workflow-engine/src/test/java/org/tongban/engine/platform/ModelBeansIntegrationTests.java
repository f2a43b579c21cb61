package org.tongban.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.tongban.bpmn.ModelBeans;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.EngineTestApplication;

/** Every bean a model names exists, and every model is deployed under its key. */
@SpringBootTest(classes = EngineTestApplication.class)
class ModelBeansIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyDelegateBeanNamedInAModelExists() {
        assertThat(ModelBeans.delegateBeanNames()).isNotEmpty().allSatisfy(name ->
                assertThat(context.containsBean(name)).as("bean %s named in a model", name).isTrue());
    }

    @Test
    void everyModelIsDeployedUnderItsKey() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.ONE_WINDOW_APPROVAL)
                .latestVersion().singleResult()).isNotNull();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.SUPERVISION)
                .latestVersion().singleResult()).isNotNull();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ProcessKeys.DISPATCH_DEPARTMENTS)
                .latestVersion().singleResult()).isNotNull();
    }
}
