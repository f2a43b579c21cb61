package org.tongban.office.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineRestPathTests {

    @Test
    void idsKeysAndNamesBecomePlaceholders() {
        assertThat(EngineRestPath.of("/engine-rest/task/584fd4a4-e776-11f1-a365-02fc00000001/complete"))
                .isEqualTo(new EngineRestPath("/engine-rest/task/{id}/complete", "584fd4a4-e776-11f1-a365-02fc00000001"));
        assertThat(EngineRestPath.of("/engine-rest/process-definition/rest-migration-test:1:583e6f80/start"))
                .isEqualTo(new EngineRestPath("/engine-rest/process-definition/{id}/start", "rest-migration-test:1:583e6f80"));
        assertThat(EngineRestPath.of("/engine-rest/process-definition/key/one-window-approval/start"))
                .isEqualTo(new EngineRestPath("/engine-rest/process-definition/key/{key}/start", "one-window-approval"));
        assertThat(EngineRestPath.of("/engine-rest/process-instance/42/variables/applicantName").template())
                .isEqualTo("/engine-rest/process-instance/{id}/variables/{name}");
        assertThat(EngineRestPath.of("/engine-rest/deployment/create"))
                .isEqualTo(new EngineRestPath("/engine-rest/deployment/create", null));
    }
}
