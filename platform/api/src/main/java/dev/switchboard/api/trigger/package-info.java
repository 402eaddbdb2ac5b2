/**
 * Trigger types: the events a plugin emits (through {@code context.events()}) and workflows start on.
 * A plugin declares each type it emits; emitting an undeclared type is refused.
 *
 * <pre>{@code
 * @Extension
 * @Trigger(event = "webhook.received", name = "Webhook received", payload = WebhookReceived.class)
 * public final class WebhookReceivedTrigger implements TriggerType {
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.trigger;

import org.osgi.annotation.versioning.Version;
