package org.tongban.office.bench.baseline;

import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;

/**
 * The start-up benchmark's baseline: Spring Boot with a web server and the embedded Camunda engine on an H2 file
 * database, deploying the same BPMN models, and nothing of Tongban (no Flyway, MyBatis, security, STOMP, demo data,
 * Camunda webapps). Auto-configuration is a short list on purpose: the classpath is Tongban's. It lives in a
 * package of its own so that no test finds it as its {@code @SpringBootConfiguration}; StartupBenchmarkTests starts
 * it in a child JVM with its settings on the command line ({@code --spring.config.name} names no file, so
 * Tongban's application.yml stays out).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, CamundaBpmAutoConfiguration.class})
public class CamundaBaselineApplication {

    /** Printed when started, as Tongban prints its ready line; the benchmark waits for it. */
    public static final String READY = "Camunda baseline is ready in ";

    public static void main(String[] args) {
        long start = System.nanoTime();
        SpringApplication.run(CamundaBaselineApplication.class, args);
        System.out.println(READY + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
