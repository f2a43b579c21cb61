package org.tongban.office.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.office.testsupport.Api;

/**
 * The UI is served by the application: client routes fall back to index.html, server paths never do; the pages
 * carry a Content-Security-Policy without inline scripts; the login page learns which login to show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SinglePageWebTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientRoutesGetTheAppWithAStrictScriptPolicy() throws Exception {
        for (String route : new String[] {"/", "/login", "/workbench", "/tasks/123", "/cases/9/anything"}) {
            HttpResponse<String> page = get(route);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("<div id=\"app\"></div>").contains("lang=\"zh-CN\"");
            assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>"); // no inline script
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");

        HttpResponse<String> manifest = get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("\"display\": \"standalone\"").contains("icon-192.png");
        assertThat(get("/icons/icon-512.png").statusCode()).isEqualTo(200);
    }

    @Test
    void serverPathsAndMissingFilesAreNeverTheApp() throws Exception {
        HttpResponse<String> api = get("/api/no-such-endpoint");
        assertThat(api.statusCode()).isEqualTo(401); // the API chain answers, not the UI
        assertThat(api.body()).doesNotContain("<div id=\"app\">");
        for (String path : new String[] {"/assets/missing.js", "/icons/missing.png", "/actuator/nothing",
                "/v3/api-docs/nothing"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("<div id=\"app\">");
        }
        Api client = new Api(port);
        assertThat(client.get("zhangli", "/api/no-such-endpoint").status()).isEqualTo(404);
        // the UI's files are read-only
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbench"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403, 405);
    }

    @Test
    void theLoginPageLearnsWhichLoginToShowWithoutSigningIn() {
        Api.Response config = new Api(port).get(null, "/api/ui/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("login").asText()).isEqualTo("builtin");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
