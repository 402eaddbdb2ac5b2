package dev.switchboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small client for the platform's HTTP API, returning status, content type and JSON body. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final String token;

    private ApiClient(URI baseUri, String token) {
        this.api = baseUri.resolve("api/v1/");
        this.token = token;
    }

    /** A client without a token, for public endpoints and for checking refusals. */
    public static ApiClient anonymous(URI baseUri) {
        return new ApiClient(baseUri, null);
    }

    public static ApiClient login(URI baseUri, String email, String password) {
        Response response = anonymous(baseUri).postJson("auth/login", Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return new ApiClient(baseUri, response.json().get("token").asText());
    }

    /** The same client with another (for instance a forged) token. */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(api.resolve("../.."), otherToken);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A JSON merge patch (RFC 7396). */
    public Response patchJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A POST without a body: an action on a resource ({@code …/retry}). */
    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any request: {@code method} with a body of {@code contentType}, or without a body when it is {@code null}. */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
