/**
 * Webhook handlers: HTTP endpoints a plugin owns, mounted by the host at
 * {@code /api/v1/hooks/{pluginId}/{path}/…} without a login, for vendors and other systems to call. The
 * handler must check the caller itself, typically with a signature over the body
 * ({@link dev.switchboard.api.webhook.Signatures}) under a secret from the location's settings.
 *
 * <pre>{@code
 * @Extension
 * @Webhook(path = "inbound", name = "Inbound JSON")
 * public final class Inbound implements WebhookHandler {
 *     public WebhookResponse handle(WebhookRequest request, WebhookContext context) throws PluginException {
 *         LocationContext location = context.location(request.pathSegments().get(0));
 *         String secret = location.settings().require("signingSecret");
 *         if (!Signatures.verifyHmacSha256Hex(secret, request.body(), request.header("X-Signature").orElse(""))) {
 *             return WebhookResponse.status(401);
 *         }
 *         location.events().emit("webhook.received", null, Map.of("body", request.bodyText()));
 *         return WebhookResponse.status(202);
 *     }
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.webhook;

import org.osgi.annotation.versioning.Version;
