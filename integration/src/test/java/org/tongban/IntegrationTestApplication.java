package org.tongban;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine with the integration adapters, for adapter tests (office-web is the real application). */
@SpringBootApplication
public class IntegrationTestApplication {
}
