package org.tongban.office.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.tongban.engine.testsupport.TestUsers;

/** A plain HTTP client of the running application: logs in as demo users and never throws on 4xx/5xx. */
public class Api {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(int port) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** The bearer token of a demo user, logging in once. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            Response login = call(HttpMethod.POST, "/api/auth/login", null,
                    Map.of("username", u, "password", TestUsers.PASSWORD));
            if (login.status() != 200) {
                throw new IllegalStateException("login of " + u + " failed: " + login.body());
            }
            return login.body().path("token").path("accessToken").asText();
        });
    }

    public Response get(String user, String path) {
        return call(HttpMethod.GET, path, user == null ? null : token(user), null);
    }

    public Response post(String user, String path, Object body) {
        return call(HttpMethod.POST, path, user == null ? null : token(user), body);
    }

    public Response put(String user, String path, Object body) {
        return call(HttpMethod.PUT, path, user == null ? null : token(user), body);
    }

    /** A GET whose answer is kept as bytes (a PDF, an attachment). */
    public Binary download(String user, String path) {
        RestClient.RequestHeadersSpec<?> spec = http.get().uri(path).accept(MediaType.ALL);
        if (user != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user));
        }
        return spec.exchange((request, response) -> new Binary(response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()));
    }

    /** A multipart upload of one file in the field {@code file}. */
    public Response upload(String user, String path, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        RestClient.RequestBodySpec spec = http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (user != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user));
        }
        return spec.body(parts).exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            return new Response(response.getStatusCode().value(), response.getHeaders(), node);
        });
    }

    /** A request with an explicit token (or none) and an optional JSON body (a String is sent as is). */
    public Response call(HttpMethod method, String path, String token, Object body) {
        RestClient.RequestBodySpec spec = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON);
        if (token != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : toJson(body));
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            return new Response(response.getStatusCode().value(), response.getHeaders(), node);
        });
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Status, headers and the body as bytes. */
    public record Binary(int status, HttpHeaders headers, byte[] body) {
    }

    /** Status, headers and parsed JSON body. */
    public record Response(int status, HttpHeaders headers, JsonNode body) {
    }
}
