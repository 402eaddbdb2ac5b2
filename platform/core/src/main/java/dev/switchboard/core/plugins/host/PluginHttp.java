package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Http;
import dev.switchboard.api.host.StepLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Outbound HTTP for plugins on the JDK's client: connect within 5 s, the whole call within the
 * request's own timeout capped at {@link #MAX_TIMEOUT} (30 s when it sets none), answers read up to
 * {@link #MAX_BODY_BYTES}, and one log line per call (method, host, status, milliseconds).
 */
final class PluginHttp implements Http {

    static final Duration MAX_TIMEOUT = Duration.ofSeconds(120);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final StepLog log;

    PluginHttp(StepLog log) {
        this.log = log;
    }

    @Override
    public HttpResponse<String> send(HttpRequest request) throws PluginException {
        Duration timeout = request.timeout().filter(asked -> asked.compareTo(MAX_TIMEOUT) <= 0).orElse(
                request.timeout().isPresent() ? MAX_TIMEOUT : DEFAULT_TIMEOUT);
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        String target = request.method() + " " + request.uri().getScheme() + "://" + request.uri().getAuthority();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = CLIENT.send(bounded, HttpResponse.BodyHandlers.ofInputStream());
            String body = read(response.body(), target);
            log.info(target + " answered " + response.statusCode() + " in " + millis(started) + " ms");
            return new TextResponse(response, body);
        } catch (java.net.http.HttpTimeoutException e) {
            log.warn(target + " timed out after " + millis(started) + " ms");
            throw new PluginException(target + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            log.warn(target + " failed: " + e.getMessage());
            throw new PluginException(target + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(target + " was interrupted");
        }
    }

    private static String read(InputStream in, String target) throws IOException, PluginException {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (bytes.size() + read > MAX_BODY_BYTES) {
                    throw new PluginException(target + " answered more than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
                }
                bytes.write(buffer, 0, read);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The answer with its body read as text. */
    private record TextResponse(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
