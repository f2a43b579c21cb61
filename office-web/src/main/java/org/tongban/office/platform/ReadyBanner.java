package org.tongban.office.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to open the application once it is ready, and how to log in on the demo city. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final boolean demo;

    ReadyBanner(@Value("${tongban.demo.seed:false}") boolean demo) {
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        log.info("""

                ==============================================================
                 Tongban 通办 is ready in {} ms
                   Office UI:  http://localhost:{}/  (phone: the same address, ≤ 480 px wide)
                   API:        http://localhost:{}/api  (OpenAPI: /swagger-ui.html)
                   Camunda:    http://localhost:{}/camunda/app/
                 {}
                ==============================================================""",
                event.getTimeTaken() == null ? "?" : event.getTimeTaken().toMillis(), port, port, port,
                demo ? "Demo city: log in as zhangli (窗口), liqiang (食品经营监管处) … password Tongban@2026"
                        : "Production mode: no demo data");
    }
}
