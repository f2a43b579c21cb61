package org.tongban.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine alone, for service tests (office-web is the real application). */
@SpringBootApplication
public class EngineTestApplication {
}
