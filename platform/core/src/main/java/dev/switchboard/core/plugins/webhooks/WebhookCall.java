package dev.switchboard.core.plugins.webhooks;

import dev.switchboard.api.webhook.WebhookRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One call to a plugin's webhook as the handler sees it: method, the path segments after its own,
 * query and headers (first values), and the raw body.
 *
 * @param headers by lower-case name
 */
record WebhookCall(String method, List<String> pathSegments, Map<String, String> query, Map<String, String> headers,
                   byte[] rawBody) implements WebhookRequest {

    WebhookCall {
        pathSegments = List.copyOf(pathSegments);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return rawBody.clone();
    }
}
