package dev.switchboard.plugins.webhook;

import dev.switchboard.api.schema.Field;
import dev.switchboard.api.settings.Settings;
import dev.switchboard.api.settings.SettingsType;
import org.pf4j.Extension;

/** A location's webhook settings: the one secret that signs what goes out and checks what comes in. */
@Extension
@Settings(name = "Webhooks", description = "The secret this location's webhooks are signed with, both ways.")
public record WebhookSettings(
        @Field(title = "Signing secret", required = true, secret = true, maxLength = 200,
                description = "HMAC-SHA256 key of the X-Switchboard-Signature header; share it with the other system")
        String signingSecret) implements SettingsType {
}
