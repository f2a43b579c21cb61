package org.tongban.integration.keycloak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Pushes the directory to Keycloak once the application is ready (demo seeding done), on a thread of its own:
 * a Keycloak that is down or slow must not hold up or fail the start. The sync can be repeated any time by an
 * administrator ({@code POST /api/directory/identity-sync}).
 */
class KeycloakSyncOnStart {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSyncOnStart.class);

    private final boolean enabled;
    private final KeycloakDirectorySync sync;

    KeycloakSyncOnStart(boolean enabled, KeycloakDirectorySync sync) {
        this.enabled = enabled;
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                sync.synchronise();
            } catch (RuntimeException e) {
                log.warn("Keycloak sync at start failed; repeat it with POST /api/directory/identity-sync: {}",
                        e.toString());
            }
        }, "keycloak-sync");
        thread.setDaemon(true);
        thread.start();
    }
}
