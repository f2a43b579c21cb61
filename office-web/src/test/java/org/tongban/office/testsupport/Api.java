package org.tongban.office.testsupport;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.tongban.engine.testsupport.TestUsers;

/**
 * A plain HTTP client of the running application: logs in as demo users (through the built-in login, or through
 * the identity provider given) and never throws on 4xx/5xx.
 */
public class Api {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Function<String, String> login;

    /** Logs in through the built-in {@code POST /api/auth/login}. */
    public Api(int port) {
        this.http = client(port);
        this.login = this::builtInLogin;
    }

    /** Gets a demo user's access token from {@code login} (e.g. Keycloak) instead. */
    public Api(int port, Function<String, String> login) {
        this.http = client(port);
        this.login = login;
    }

    private static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** The bearer token of a demo user, logging in once. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, login);
    }

    private String builtInLogin(String username) {
        Response login = call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("username", username, "password", TestUsers.PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + login.body());
        }
        return login.body().path("token").path("accessToken").asText();
    }

    public Response get(String user, String path) {
        return call(HttpMethod.GET, path, user == null ? null : token(user), null);
    }

    public Response post(String user, String path, Object body) {
        return call(HttpMethod.POST, path, user == null ? null : token(user), body);
    }

    public Response delete(String user, String path) {
        return call(HttpMethod.DELETE, path, user == null ? null : token(user), null);
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

    /** A POST of a text body (CSV) with the given content type; the answer is read as JSON. */
    public Response postText(String user, String path, MediaType contentType, String text) {
        RestClient.RequestBodySpec spec = http.post().uri(path).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON).contentType(contentType);
        if (user != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user));
        }
        return spec.body(text).exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            return new Response(response.getStatusCode().value(), response.getHeaders(), node);
        });
    }

    /** A GET of a non-JSON resource (a CSV export): status, headers and the bytes as sent. */
    public RawResponse raw(String user, String path, MediaType accept) {
        RestClient.RequestHeadersSpec<?> spec = http.get().uri(path).accept(accept);
        if (user != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user));
        }
        return spec.exchange((request, response) -> new RawResponse(response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()));
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

    /** Status, headers and the body's bytes. */
    public record RawResponse(int status, HttpHeaders headers, byte[] body) {
    }

    /** Status, headers and parsed JSON body. */
    public record Response(int status, HttpHeaders headers, JsonNode body) {
    }
}
