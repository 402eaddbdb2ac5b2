package dev.switchboard.api.webhook;

import dev.switchboard.api.ExtensionPoint;
import dev.switchboard.api.PluginException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers HTTP calls to {@code /api/v1/hooks/{pluginId}/{path}/…} (any method), where {@code path} is
 * the handler's {@link Webhook#path()}. The calls carry no login: check the caller yourself. One
 * instance serves every call, concurrently; keep no per-call state.
 */
@ConsumerType
@ExtensionPoint(descriptor = Webhook.class, key = "path", keyPerPlugin = true)
public interface WebhookHandler {

    /**
     * Handles one call. The host runs it within the handler's time limit (504 after it) and answers 500
     * with a short reason if it throws anything but a {@link PluginException}, which becomes a 400
     * problem with its message.
     */
    WebhookResponse handle(WebhookRequest request, WebhookContext context) throws PluginException;
}
