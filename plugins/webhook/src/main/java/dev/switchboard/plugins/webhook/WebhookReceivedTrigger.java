package dev.switchboard.plugins.webhook;

import dev.switchboard.api.trigger.Trigger;
import dev.switchboard.api.trigger.TriggerType;
import org.pf4j.Extension;

/** Declares {@code webhook.received}: a signed JSON object came in at the location's inbound webhook. */
@Extension
@Trigger(event = "webhook.received", name = "Webhook received",
        description = "A signed JSON object arrived at the location's inbound webhook", payload = WebhookReceived.class)
public final class WebhookReceivedTrigger implements TriggerType {
}
