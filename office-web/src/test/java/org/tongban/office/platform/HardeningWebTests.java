package org.tongban.office.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.office.testsupport.Api;

/** Request size limits and security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningWebTests {

    @LocalServerPort
    int port;

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        Api api = new Api(port);
        String huge = "{\"applicantName\":\"" + "很".repeat(600_000) + "\"}";
        Api.Response response = api.post(WINDOW_CLERK, "/api/cases", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("detail").asText()).contains("请求内容过大");
    }

    @Test
    void answersCarrySecurityHeaders() {
        Api api = new Api(port);
        Api.Response response = api.get(WINDOW_CLERK, "/api/matters");
        assertThat(response.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.headers().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.headers().getFirst("Cache-Control")).contains("no-store");
        assertThat(api.post(WINDOW_CLERK, "/api/tasks/x/complete", Map.of()).headers()
                .getFirst("Content-Security-Policy")).isNotNull();
    }
}
