package dev.switchboard.api.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One call to a webhook handler. Provided by the host. */
@ProviderType
public interface WebhookRequest {

    /** {@code GET}, {@code POST}, … */
    String method();

    /** The path segments after the handler's own path, decoded. */
    List<String> pathSegments();

    /** The first value of a query parameter. */
    Optional<String> query(String name);

    /** The first value of a header, by case-insensitive name. */
    Optional<String> header(String name);

    /** The raw body, exactly as received (what a signature covers). */
    byte[] body();

    /** The body as UTF-8 text. */
    default String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }
}
