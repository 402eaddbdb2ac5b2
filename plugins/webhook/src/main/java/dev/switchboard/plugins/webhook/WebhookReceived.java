package dev.switchboard.plugins.webhook;

import dev.switchboard.api.schema.Field;

/** The payload of {@code webhook.received}: what workflows match on and read. */
public record WebhookReceived(
        @Field(title = "Contact email", description = "The email the payload named, if any", maxLength = 320)
        String contactEmail,
        @Field(title = "Delivery id", description = "The payload's top-level id, if it had one", maxLength = 200)
        String deliveryId,
        @Field(title = "Body", description = "The JSON object received", maxLength = InboundWebhook.MAX_BODY_BYTES)
        String body) {
}
