package dev.switchboard.testkit;

import dev.switchboard.api.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook call for a handler's unit tests:
 * {@code TestWebhookRequest.post("{\"a\": 1}").path("loc-1").header("X-Signature", sig)}.
 */
public final class TestWebhookRequest implements WebhookRequest {

    private final String method;
    private final byte[] body;
    private final List<String> segments;
    private final Map<String, String> headers;
    private final Map<String, String> query;

    private TestWebhookRequest(String method, byte[] body, List<String> segments, Map<String, String> headers,
                               Map<String, String> query) {
        this.method = method;
        this.body = body.clone();
        this.segments = List.copyOf(segments);
        this.headers = Map.copyOf(headers);
        this.query = Map.copyOf(query);
    }

    public static TestWebhookRequest post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    public static TestWebhookRequest post(byte[] body) {
        return new TestWebhookRequest("POST", body, List.of(), Map.of(), Map.of());
    }

    public static TestWebhookRequest get() {
        return new TestWebhookRequest("GET", new byte[0], List.of(), Map.of(), Map.of());
    }

    /** The path segments after the handler's own path. */
    public TestWebhookRequest path(String... pathSegments) {
        return new TestWebhookRequest(method, body, List.of(pathSegments), headers, query);
    }

    public TestWebhookRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name.toLowerCase(Locale.ROOT), value);
        return new TestWebhookRequest(method, body, segments, more, query);
    }

    public TestWebhookRequest query(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new TestWebhookRequest(method, body, segments, headers, more);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public List<String> pathSegments() {
        return segments;
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
