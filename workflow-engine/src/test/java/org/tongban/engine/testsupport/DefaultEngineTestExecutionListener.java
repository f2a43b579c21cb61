package org.tongban.engine.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the test's own engine Camunda's default before each test method. Camunda's REST API ({@code /engine-rest})
 * finds its engine in the static {@link ProcessEngines} registry by name, and every cached Spring test context of a
 * JVM registers its engine there as "default": without this, a test calling {@code /engine-rest} would reach the
 * engine (and database) of whichever context started last. A production JVM has one engine, so only tests need it.
 * Registered for every Spring test through {@code META-INF/spring.factories}.
 */
public class DefaultEngineTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
