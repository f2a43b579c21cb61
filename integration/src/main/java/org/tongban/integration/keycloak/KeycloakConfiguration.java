package org.tongban.integration.keycloak;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.tongban.engine.directory.DirectoryService;

/**
 * The Keycloak adapter, present only in the {@code keycloak} identity mode ({@code tongban.identity.mode}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tongban.identity.mode", havingValue = "keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    @Bean
    KeycloakAdminClient keycloakAdminClient(KeycloakProperties properties, RestClient.Builder builder, Clock clock) {
        return new KeycloakAdminClient(properties, builder, clock);
    }

    @Bean
    KeycloakDirectorySync keycloakDirectorySync(DirectoryService directory, KeycloakAdminClient keycloak) {
        return new KeycloakDirectorySync(directory, keycloak);
    }

    @Bean
    KeycloakSyncOnStart keycloakSyncOnStart(KeycloakProperties properties, KeycloakDirectorySync sync) {
        return new KeycloakSyncOnStart(properties.syncOnStart(), sync);
    }
}
